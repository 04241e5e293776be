// DOM helpers shared by the pages: elements, the alert, notices, tables, dialogs, copy buttons and formats.
import { ApiProblem } from "./api.js";

/** A form control's pattern for a UUID (an HTML pattern: compiled with the v flag, so no bare "-" in a class). */
export const UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

/** Creates an element: h("button", { type: "button", onclick }, "Label"). Text children are text nodes, never HTML. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "class") element.className = value;
    else if (name in element && typeof value !== "string") element[name] = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const alertBox = () => document.getElementById("alert");

/** Shows an API problem (or any error) as its title and detail in the page's alert. */
export function showProblem(error) {
  const problem = error instanceof ApiProblem ? error
    : new ApiProblem({ title: "Something went wrong", detail: error?.message ?? String(error) });
  document.getElementById("alert-title").textContent = problem.title;
  document.getElementById("alert-detail").textContent = problem.detail;
  const list = document.getElementById("alert-errors");
  list.replaceChildren(...problem.errors.map((e) => h("li", {}, `${e.field}: ${e.message}`)));
  const box = alertBox();
  box.dataset.status = String(problem.status);
  box.dataset.type = problem.type;
  box.hidden = false;
  box.scrollIntoView?.({ block: "nearest" });
}

export function clearProblem() {
  alertBox().hidden = true;
}

/** A short confirmation in the status region ("Saved."); it stays until the next page or notice. */
export function notify(text) {
  const notice = document.getElementById("notice");
  notice.textContent = text;
  notice.hidden = false;
}

export function clearNotice() {
  document.getElementById("notice").hidden = true;
}

/** Runs an action for a button or form: disables it meanwhile, shows any failure in the alert. */
export async function attempt(action, control) {
  clearProblem();
  if (control) control.disabled = true;
  try {
    return await action();
  } catch (error) {
    showProblem(error);
    return undefined;
  } finally {
    if (control) control.disabled = false;
  }
}

export function pageTitle(text, ...extra) {
  return h("div", { class: "page-head" }, h("h1", {}, text), ...extra);
}

export function section(title, ...children) {
  return h("section", { class: "card", "aria-label": title }, h("h2", {}, title), ...children);
}

/** A labelled form control. */
export function field(label, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 10)}`;
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute("aria-describedby", hintId);
  return h("div", { class: "field" }, h("label", { for: id }, label), control, hint && h("small", { id: hintId }, hint));
}

export function select(name, options, value = "") {
  return h("select", { name }, options.map(([optionValue, label]) =>
    h("option", { value: optionValue, selected: optionValue === value }, label)));
}

/**
 * A table: columns are [heading, row => cell content]. Wrapped so that it scrolls sideways at phone width instead of
 * widening the page.
 */
export function table(columns, rows, { caption, empty = "Nothing yet.", rowAttributes } = {}) {
  if (!rows.length) return h("p", { class: "empty" }, empty);
  return h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": caption ?? "Table" },
    h("table", {},
      caption && h("caption", {}, caption),
      h("thead", {}, h("tr", {}, columns.map(([heading]) => h("th", { scope: "col" }, heading)))),
      h("tbody", {}, rows.map((row) => h("tr", rowAttributes?.(row) ?? {},
        columns.map(([heading, cell]) => h("td", { "data-label": heading }, cell(row))))))));
}

/** Copies text to the clipboard; where the browser refuses, selects it so the user can press Ctrl+C. */
export function copyButton(text, label, selectTarget) {
  const button = h("button", { type: "button", class: "secondary copy" }, label);
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text());
      button.textContent = "Copied";
    } catch {
      if (selectTarget) {
        const range = document.createRange();
        range.selectNodeContents(selectTarget());
        const selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }
      button.textContent = "Selected: press Ctrl+C";
    }
    setTimeout(() => { button.textContent = label; }, 2500);
  });
  return button;
}

/**
 * A modal dialog (the browser's <dialog>: focus moves into it, Escape closes it). It is removed from the document when
 * it closes, so nothing it showed (a device secret) stays in the page. Answers a promise of the button's value.
 */
export function dialog(title, body, buttons, { className } = {}) {
  return new Promise((resolve) => {
    const form = h("form", { method: "dialog" });
    const box = h("dialog", { class: `dialog ${className ?? ""}`, "aria-labelledby": "dialog-title" },
      form);
    // Cancel is a plain button, so that Enter in a field submits the form's action, not the cancel.
    append(form, [h("h2", { id: "dialog-title" }, title), body,
      h("div", { class: "actions" }, buttons.map(([label, value, kind]) => value === "cancel"
        ? h("button", { type: "button", value, class: kind ?? "", onclick: () => box.close("cancel") }, label)
        : h("button", { type: "submit", value, class: kind ?? "" }, label)))]);
    box.addEventListener("close", () => {
      const value = box.returnValue;
      box.remove();
      resolve(value);
    });
    document.body.append(box);
    box.showModal();
  });
}

/** Asks for confirmation, optionally with a required reason; answers the reason (or true), or null when cancelled. */
export async function confirm(title, message, { confirmLabel = "Confirm", reasonLabel, danger = false } = {}) {
  const reason = reasonLabel ? h("textarea", { name: "reason", rows: 3, maxlength: 500, required: true }) : null;
  const answer = await dialog(title, h("div", {}, h("p", {}, message), reason && field(reasonLabel, reason)),
    [["Cancel", "cancel", "secondary"], [confirmLabel, "confirm", danger ? "danger" : ""]]);
  if (answer !== "confirm") return null;
  return reason ? reason.value.trim() : true;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

export function formatTime(instant) {
  if (!instant) return "—";
  const date = new Date(instant);
  return h("time", { datetime: date.toISOString(), title: date.toISOString() }, dateFormat.format(date));
}

/** A decimal string as sent by the API ("0.20000000"), without trailing zeros past two decimals ("0.20"). */
export function amount(value) {
  if (value === null || value === undefined) return "—";
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [whole, fraction = ""] = text.split(".");
  const trimmed = fraction.replace(/0+$/, "").padEnd(2, "0");
  return `${whole}.${trimmed}`;
}

export function badge(text, kind) {
  return h("span", { class: `badge badge-${kind ?? text.toLowerCase().replace(/[^a-z]+/g, "-")}` }, text);
}

/** An ISO instant from a date input (start of that day, UTC), or "". */
export function dayStart(dateValue) {
  return dateValue ? `${dateValue}T00:00:00Z` : "";
}

export function shortId(id) {
  return id ? h("code", { title: id }, id.slice(0, 8)) : "—";
}

/**
 * A list read page by page (cursor pagination): fetchPage(cursor) answers {items, next_cursor}; renderAll(items) draws
 * every item read so far. "Load more" reads the next page.
 */
export function pagedList(fetchPage, renderAll) {
  let cursor = null;
  let items = [];
  const holder = h("div", { class: "list" });
  const more = h("button", { type: "button", class: "secondary more", hidden: true }, "Load more");
  const load = async (reset) => {
    const page = await fetchPage(reset ? null : cursor);
    items = reset ? page.items : items.concat(page.items);
    cursor = page.next_cursor ?? null;
    holder.replaceChildren(renderAll(items));
    more.hidden = !cursor;
  };
  more.addEventListener("click", () => attempt(() => load(false), more));
  return {
    element: h("div", {}, holder, more),
    reload: () => attempt(() => load(true)),
    // For a page that looks again by itself: an error is shown, but an alert already there is left alone.
    refresh: () => load(true).catch(showProblem),
  };
}
