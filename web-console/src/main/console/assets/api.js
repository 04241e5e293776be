// Calls the public APIs through the gateway, same origin. Every answer that is not a success becomes an ApiProblem:
// an RFC 9457 problem as the service (or the gateway) answered it, or one made up from the status when the answer is
// not a problem (a proxy's HTML page, a dropped connection).
import { token } from "./session.js";

export class ApiProblem extends Error {
  constructor({ title, detail, status, type, errors }) {
    super(detail ? `${title}: ${detail}` : title);
    this.title = title;
    this.detail = detail ?? "";
    this.status = status ?? 0;
    this.type = type ?? "about:blank";
    this.errors = Array.isArray(errors) ? errors : [];
  }
}

async function problemOf(response) {
  const type = response.headers.get("Content-Type") ?? "";
  if (/json/.test(type)) {
    try {
      const body = await response.json();
      if (body && typeof body.title === "string") return new ApiProblem({ ...body, status: body.status ?? response.status });
    } catch {
      // not JSON after all: described below
    }
  }
  return new ApiProblem({
    title: `HTTP ${response.status}${response.statusText ? " " + response.statusText : ""}`,
    detail: `The server answered ${response.status} without a problem description.`,
    status: response.status,
  });
}

async function send(path, { method = "GET", body, headers = {}, accept = "application/json" } = {}) {
  const all = { Accept: accept, ...headers };
  const bearer = token();
  if (bearer) all.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) all["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: all,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    });
  } catch (e) {
    throw new ApiProblem({ title: "Network error", detail: `The gateway could not be reached (${e.message}).` });
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

/** Calls an endpoint and answers its JSON body (null for 204). */
export async function api(path, options) {
  const response = await send(path, options);
  if (response.status === 204) return null;
  return response.json();
}

/** Fetches a CSV export and hands it to the browser as a download (no page navigation, the token stays a header). */
export async function downloadCsv(path, fallbackName) {
  const response = await send(path, { accept: "text/csv" });
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { name, size: blob.size };
}

/** A query string of the non-empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
