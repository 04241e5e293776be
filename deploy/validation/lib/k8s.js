// Rendering the overlays with kubectl kustomize, and validating every object against the API schemas:
// Kubernetes from kubernetes-models (OpenAPI of the Kubernetes version its generator pins), Strimzi and
// CloudNativePG from their CRD models. A kind none of them knows is an error, never skipped.
import { execFileSync } from "node:child_process";
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { ROOT } from "./repo.js";

/** The Kubernetes API version whose OpenAPI schemas kubernetes-models@5.1.0 was generated from. */
export const KUBERNETES_SCHEMA_VERSION = "1.36.0";

/** CRD groups and the model packages that know them (with the operator versions their schemas come from). */
const CRD_PACKAGES = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator", // Strimzi 0.49.0 and 1.0.0 CRDs
  "core.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg", // CloudNativePG API v1.29.0
};

export function overlays() {
  const dir = join(ROOT, "k8s/overlays");
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, "kustomization.yaml")))
    .sort();
}

export function kubectlVersion() {
  return execFileSync("kubectl", ["version", "--client"], { encoding: "utf8" }).trim();
}

export function renderYaml(path) {
  return execFileSync("kubectl", ["kustomize", join(ROOT, path)], { encoding: "utf8", maxBuffer: 64 << 20 });
}

export function parseDocs(text) {
  return parseAllDocuments(text)
    .map((d) => {
      if (d.errors.length) throw new Error(`YAML: ${d.errors.map((e) => e.message).join("; ")}`);
      return d.toJS();
    })
    .filter((o) => o != null);
}

export const render = (path) => parseDocs(renderYaml(path));

const modelCache = new Map();

async function modelClass(apiVersion, kind) {
  if (typeof apiVersion !== "string" || !/^([a-z0-9]([a-z0-9.-]*[a-z0-9])?\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion)) {
    return null;
  }
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const pkg = CRD_PACKAGES[group] ?? (group.includes(".") && !group.endsWith(".k8s.io") ? null : "kubernetes-models");
  if (!pkg) return null;
  const spec = `${pkg}/${apiVersion}`;
  if (!modelCache.has(spec)) {
    modelCache.set(spec, await import(spec).catch(() => null));
  }
  const mod = modelCache.get(spec);
  const cls = mod?.[kind];
  return typeof cls === "function" && cls.apiVersion === apiVersion && cls.kind === kind ? cls : null;
}

const describe = (o) => `${o?.kind ?? "?"} ${o?.metadata?.name ?? "?"} (${o?.apiVersion ?? "no apiVersion"})`;

/** Problems of one object against its schema: [] when valid. */
export async function schemaProblems(obj) {
  const cls = await modelClass(obj?.apiVersion, obj?.kind);
  if (!cls) return [`${describe(obj)}: unknown kind: no Kubernetes, Strimzi or CloudNativePG schema for it`];
  try {
    new cls(obj).validate();
    return [];
  } catch (e) {
    const details = (e.errors ?? []).map((x) => `${x.instancePath || "/"} ${x.message}`);
    return [`${describe(obj)}: ${details.length ? details.join("; ") : e.message}`];
  }
}
