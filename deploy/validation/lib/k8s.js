// Rendering the overlays with kubectl kustomize, and validating every object against the API schemas:
// Kubernetes from kubernetes-models (OpenAPI of the Kubernetes version its generator pins), Strimzi and
// CloudNativePG, the Prometheus Operator and the Gateway API from their CRD models, the Barman Cloud plugin's
// ObjectStore from its published CRD (schemas/). A kind none of them knows is an error, never skipped.
import { execFileSync } from "node:child_process";
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments, parse } from "yaml";
import Ajv from "ajv";
import { ROOT, read } from "./repo.js";

/** The Kubernetes API version whose OpenAPI schemas kubernetes-models@5.1.0 was generated from. */
export const KUBERNETES_SCHEMA_VERSION = "1.36.0";

/** CRD groups and the model packages that know them (with the operator versions their schemas come from). */
const CRD_PACKAGES = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator", // Strimzi 0.49.0 and 1.0.0 CRDs
  "core.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg", // CloudNativePG API v1.29.0
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator", // PodMonitor, PrometheusRule, ...
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api", // Gateway, HTTPRoute, ...
};

/**
 * Kinds validated against a CRD file under deploy/validation/schemas (no model package publishes them). The CRD's
 * structural schema is made strict as the API server's strict field validation is: an object schema that lists its
 * properties admits no others (unless it says x-kubernetes-preserve-unknown-fields or additionalProperties).
 */
const CRD_FILES = {
  "barmancloud.cnpg.io/v1 ObjectStore": "deploy/validation/schemas/barmancloud.cnpg.io_objectstores.yaml",
};

function strict(node) {
  if (Array.isArray(node)) return node.map(strict);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith("x-kubernetes-") || k === "description") continue;
    out[k] = k === "properties" ? Object.fromEntries(Object.entries(v).map(([p, ps]) => [p, strict(ps)])) : strict(v);
  }
  if (node.type === "object" && node.properties && node.additionalProperties === undefined && !node["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  return out;
}

const crdValidators = new Map();
function crdValidator(key) {
  if (!crdValidators.has(key)) {
    const crd = parse(read(CRD_FILES[key]));
    const [apiVersion] = key.split(" ");
    const version = crd.spec.versions.find((v) => `${crd.spec.group}/${v.name}` === apiVersion);
    const schema = strict(version.schema.openAPIV3Schema);
    // metadata is the API server's ObjectMeta; the checks below need a name.
    schema.properties.metadata = { type: "object", required: ["name"], properties: { name: { type: "string", minLength: 1 } } };
    delete schema.properties.status;
    schema.required = ["apiVersion", "kind", "metadata", "spec"];
    crdValidators.set(key, new Ajv({ strict: false, allErrors: true, formats: { int32: true, int64: true } }).compile(schema));
  }
  return crdValidators.get(key);
}

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
  const crdKey = `${obj?.apiVersion} ${obj?.kind}`;
  if (CRD_FILES[crdKey]) {
    const v = crdValidator(crdKey);
    return v(obj) ? [] : [`${describe(obj)}: ${v.errors.map((x) => `${x.instancePath || "/"} ${x.message}${x.params?.additionalProperty ? `: ${x.params.additionalProperty}` : ""}`).join("; ")}`];
  }
  const cls = await modelClass(obj?.apiVersion, obj?.kind);
  if (!cls) return [`${describe(obj)}: unknown kind: no Kubernetes, Strimzi, CloudNativePG, Prometheus Operator, Gateway API or Barman Cloud schema for it`];
  try {
    new cls(obj).validate();
    return [];
  } catch (e) {
    const details = (e.errors ?? []).map((x) => `${x.instancePath || "/"} ${x.message}`);
    return [`${describe(obj)}: ${details.length ? details.join("; ") : e.message}`];
  }
}
