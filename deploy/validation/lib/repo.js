// What the services actually read, derived from the repository itself (one source of truth): their ports,
// health and metrics paths, the config keys they accept, the keys they require, the Kafka topics they use.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { join, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export const read = (path) => readFileSync(join(ROOT, path), "utf8");

/** The deployable services: top-level modules named *-service with a Quarkus application.properties. */
export function serviceNames() {
  return readdirSync(ROOT)
    .filter((d) => d.endsWith("-service") && existsSync(join(ROOT, d, "src/main/resources/application.properties")))
    .sort();
}

/** java.util.Properties syntax: comments, '=' / ':' / blank separators, '\' continuations. */
export function parseProperties(text) {
  const out = new Map();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\s+/, "");
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^\s+/, "");
    }
    const m = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]?\s*(.*)$/.exec(line);
    if (!m) continue;
    out.set(m[1].replace(/\\(.)/g, "$1"), m[2]);
  }
  return out;
}

/** The platform modules a service depends on (its pom's platform-* artifacts), as folders: platform/core, ... */
export function platformModulesOf(svc) {
  const pom = read(`${svc}/pom.xml`);
  return [...pom.matchAll(/<artifactId>platform-([a-z-]+)<\/artifactId>/g)].map((m) => `platform/${m[1]}`);
}

/**
 * Keys in effect in the prod profile (what a container runs with): unprofiled keys and %prod ones, the
 * defaults of the platform modules the service uses first (ordinal 100), then its application.properties (250).
 */
export function effectiveProperties(svc) {
  const merged = new Map();
  const layers = [
    ...platformModulesOf(svc).map((m) => `${m}/src/main/resources/META-INF/microprofile-config.properties`),
    `${svc}/src/main/resources/application.properties`,
  ];
  for (const layer of layers) {
    if (!existsSync(join(ROOT, layer))) continue;
    const props = parseProperties(read(layer));
    for (const [k, v] of props) if (!k.startsWith("%")) merged.set(k, v);
    for (const [k, v] of props) if (k.startsWith("%prod.")) merged.set(k.slice("%prod.".length), v);
  }
  return merged;
}

function javaFiles(dir) {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith(".java")) out.push(relative(ROOT, p));
    }
  };
  walk(abs);
  return out.sort();
}

/** Source directories whose code runs inside a service: its own and those of the platform modules it uses. */
export const sourceDirsOf = (svc) => [`${svc}/src/main/java`, ...platformModulesOf(svc).map((m) => `${m}/src/main/java`)];

const kebab = (s) => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
const OPTIONAL = /^(Optional(Int|Long|Double)?)\b/;
const SIMPLE = /^(String|int|long|double|float|boolean|Integer|Long|Double|Float|Boolean|Duration|BigDecimal|BigInteger|URI|URL|Path|Instant|LocalTime|ZoneId|char|short|byte)$/;

/** Java source without comments (string and char literals kept intact). */
function stripComments(src) {
  let out = "";
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === "\\" ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j;
    } else if (c === "/" && src[i + 1] === "/") {
      while (i < src.length && src[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      i = end < 0 ? src.length : end + 1;
      out += " ";
    } else out += c;
  }
  return out;
}

/** The text directly inside the braces opening at index open (nested blocks, e.g. group interfaces, removed). */
function topLevelBody(src, open) {
  let depth = 0;
  let out = "";
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1) out += c;
    else if (depth > 1) continue;
  }
  return out;
}

/**
 * Members of @ConfigMapping interfaces: { key, required } where required means no @WithDefault, not Optional,
 * a plain value (groups, maps and lists are not judged).
 */
export function configMappings(dirs) {
  const members = [];
  for (const dir of dirs) {
    for (const file of javaFiles(dir)) {
      const src = stripComments(read(file));
      const m = /@ConfigMapping\s*\(\s*prefix\s*=\s*"([^"]+)"\s*\)/.exec(src);
      if (!m) continue;
      const prefix = m[1];
      // The member declarations of the top-level interface body: comments and nested types blanked out.
      const body = topLevelBody(src, src.indexOf("{", m.index));
      const re = /((?:@\w+(?:\([^)]*\))?\s*)*)([\w.<>?,\s\[\]]+?)\s+(\w+)\s*\(\s*\)\s*;/g;
      let d;
      while ((d = re.exec(body))) {
        const annotations = d[1];
        const type = d[2].trim().replace(/^(public|default)\s+/, "");
        const name = /@WithName\s*\(\s*"([^"]+)"\s*\)/.exec(annotations)?.[1] ?? kebab(d[3]);
        const hasDefault = /@WithDefault\b/.test(annotations);
        const plain = SIMPLE.test(type);
        members.push({
          key: `${prefix}.${name}`,
          file,
          required: plain && !hasDefault && !OPTIONAL.test(type),
        });
      }
    }
  }
  return members;
}

/** The property name an environment variable stands for: SmallRye maps a.b-c and a.b.c to A_B_C. */
export const envNameOf = (key) => key.replace(/[^A-Za-z0-9]/g, "_").toUpperCase();

/**
 * Keys the services read that appear in no properties file: framework configuration, set only per
 * environment. Keep this list short; each entry says who reads it.
 */
export const FRAMEWORK_KEYS = [
  "quarkus.datasource.reactive.url", // Quarkus reactive PostgreSQL client (requests)
  "quarkus.datasource.jdbc.url", // Quarkus JDBC datasource (Flyway migrations at start)
  "quarkus.datasource.username",
  "quarkus.datasource.password",
  "kafka.bootstrap.servers", // SmallRye Kafka connector: default for every channel
  // Kafka client security (k8s only; decision 0702). Quarkus' default-kafka-broker configuration takes every
  // kafka.* key and every KAFKA_* variable (KAFKA_SASL_JAAS_CONFIG -> sasl.jaas.config) for every channel, the
  // dead-letter producers and the health check's admin client, as it does for KAFKA_BOOTSTRAP_SERVERS.
  "kafka.security.protocol",
  "kafka.sasl.mechanism",
  "kafka.sasl.jaas.config",
  "mp.jwt.verify.publickey.location", // SmallRye JWT: the identity service's public key
  "quarkus.log.level", // operators may raise or lower logging
  "quarkus.log.console.json.enabled", // JSON logs (on in every packaged run; docs/operations.md, "Logs and traces")
  // OpenTelemetry: spans go over OTLP to this collector; without one they are dropped (platform TraceExport).
  "quarkus.otel.exporter.otlp.endpoint",
  "quarkus.otel.exporter.otlp.traces.endpoint",
  "quarkus.otel.exporter.otlp.traces.protocol",
  "quarkus.otel.exporter.otlp.traces.headers",
  "quarkus.otel.resource.attributes",
];
/** Prefixes of framework keys that take a variable part (e.g. a log category). */
export const FRAMEWORK_PREFIXES = ["quarkus.log.category."];

/** Variables that are not configuration keys but read by the base image's run-java.sh (ubi9 openjdk runtime). */
export const IMAGE_RUNTIME_ENV = ["JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO", "JAVA_OPTS_APPEND", "JAVA_APP_JAR"];

/** Everything a deployment must set for a service: the connection settings plus required mapping members. */
const ALWAYS_REQUIRED = [
  "quarkus.datasource.reactive.url",
  "quarkus.datasource.jdbc.url",
  "quarkus.datasource.username",
  "quarkus.datasource.password",
  "kafka.bootstrap.servers",
  "mp.jwt.verify.publickey.location",
];

const grepSources = (dirs, re) => dirs.flatMap(javaFiles).filter((f) => re.test(read(f)));

/** Micrometer gauges registered in a service's own code, as Prometheus names (dots become underscores). */
function gaugesOf(svc) {
  const names = new Set();
  for (const file of javaFiles(`${svc}/src/main/java`)) {
    const src = read(file);
    for (const m of src.matchAll(/(?:\.gauge\s*\(|Gauge\s*\.\s*builder\s*\(|@Gauge\s*\([^)]*name\s*=)\s*"([^"]+)"/g)) {
      names.add(m[1].replace(/[^A-Za-z0-9_:]/g, "_"));
    }
  }
  return names;
}

const TOPICS_JAVA = "shared-contracts/src/main/java/com/tradesignals/contracts/Topics.java";
const EVENT_TYPE_JAVA = "shared-contracts/src/main/java/com/tradesignals/contracts/events/EventType.java";

/** Topic constants of shared-contracts' Topics class. */
export function contractTopics() {
  return [...read(TOPICS_JAVA).matchAll(/static\s+final\s+String\s+\w+\s*=\s*"([^"]+)"/g)].map((m) => m[1]);
}

/** Topics.java's own word on who publishes each topic: its javadoc "..., published by <owner>." */
export function topicPublishers() {
  const out = new Map();
  const re = /\/\*\*([^]*?)\*\/\s*public\s+static\s+final\s+String\s+\w+\s*=\s*"([^"]+)"/g;
  for (const m of read(TOPICS_JAVA).matchAll(re)) {
    const by = /published by (?:the )?([^.]+?)\s*\./.exec(m[1].replace(/\s*\*\s*/g, " "));
    out.set(m[2], by ? by[1].trim() : null);
  }
  return out;
}

/** EventType's entries: the data class of each event and the topic it travels on. */
export function eventTypes() {
  const constants = new Map([...read(TOPICS_JAVA).matchAll(/static\s+final\s+String\s+(\w+)\s*=\s*"([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const src = stripComments(read(EVENT_TYPE_JAVA));
  return [...src.matchAll(/\b([A-Z][A-Z0-9_]*)\s*\(\s*"([^"]+)"\s*,\s*Topics\.(\w+)\s*,\s*(\w+)\.class\s*\)/g)].map((m) => ({
    constant: m[1],
    type: m[2],
    topic: constants.get(m[3]),
    dataClass: m[4],
  }));
}

/**
 * The event topics a service writes: the outbox relay publishes each event on its EventType's topic, and a
 * service adds events by constructing their data class (new FillRecorded(...)) in its own code.
 */
function producedTopics(svc) {
  const types = eventTypes();
  const topics = new Set();
  for (const file of javaFiles(`${svc}/src/main/java`)) {
    const src = stripComments(read(file));
    for (const t of types) if (new RegExp(`\\bnew\\s+${t.dataClass}\\s*\\(`).test(src)) topics.add(t.topic);
  }
  return [...topics].sort();
}

export function serviceFacts(svc) {
  const props = effectiveProperties(svc);
  const port = Number(props.get("quarkus.http.port") ?? 8080);
  const nonApp = "/" + (props.get("quarkus.http.non-application-root-path") ?? "q").replace(/^\/|\/$/g, "");
  const healthRoot = `${nonApp}/${(props.get("quarkus.smallrye-health.root-path") ?? "health").replace(/^\/|\/$/g, "")}`;
  const health = {
    live: `${healthRoot}/${props.get("quarkus.smallrye-health.liveness-path") ?? "live"}`,
    ready: `${healthRoot}/${props.get("quarkus.smallrye-health.readiness-path") ?? "ready"}`,
    started: `${healthRoot}/${props.get("quarkus.smallrye-health.startup-path") ?? "started"}`,
  };
  const metricsPath = `${nonApp}/${props.get("quarkus.micrometer.export.prometheus.path") ?? "metrics"}`;
  const mappings = configMappings(sourceDirsOf(svc));
  const needsMasterKey = grepSources([`${svc}/src/main/java`], /implements\s+[\w.]*DeviceKeyDirectory\b/).length > 0;

  const knownKeys = new Set([...props.keys(), ...FRAMEWORK_KEYS, ...mappings.map((m) => m.key)]);
  const requiredKeys = new Set(ALWAYS_REQUIRED);
  if (needsMasterKey) requiredKeys.add("device-auth.master-key");
  for (const m of mappings) if (m.required && !props.has(m.key)) requiredKeys.add(m.key);

  const incoming = [];
  for (const [k, v] of props) {
    const t = /^mp\.messaging\.incoming\.([^.]+)\.topic$/.exec(k);
    if (t) {
      incoming.push({
        channel: t[1],
        topic: v,
        dlq: props.get(`mp.messaging.incoming.${t[1]}.dead-letter-queue.topic`),
        // Quarkus defaults every channel's group.id to the application name (default-kafka-broker configuration).
        group: props.get(`mp.messaging.incoming.${t[1]}.group.id`) ?? props.get("kafka.group.id") ?? props.get("quarkus.application.name") ?? svc,
      });
    }
  }
  return {
    name: svc,
    port,
    health,
    metricsPath,
    needsMasterKey,
    knownEnv: new Set([...knownKeys].map(envNameOf)),
    knownEnvPrefixes: [...FRAMEWORK_PREFIXES, ...mappings.map((m) => m.key + ".")].map(envNameOf),
    requiredEnv: new Set([...requiredKeys].map(envNameOf)),
    incoming,
    produces: producedTopics(svc),
    gauges: gaugesOf(svc),
  };
}

/** Why an environment variable set for a service is not something it reads, or null when it is. */
export function unknownEnv(facts, name) {
  if (facts.knownEnv.has(name) || IMAGE_RUNTIME_ENV.includes(name)) return null;
  if (facts.knownEnvPrefixes.some((p) => name.startsWith(p))) return null;
  return `${name} is not a config key ${facts.name} reads (no property, @ConfigMapping member or allowed framework key maps to it)`;
}

/** The ${VARIABLES} the gateway's nginx template uses. */
export function gatewayTemplateVars(text = read("gateway/default.conf.template")) {
  const body = text.split("\n").filter((l) => !l.trim().startsWith("#")).join("\n");
  return new Set([...body.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => m[1]));
}

/** The gateway template's locations: path, exact or prefix, the upstream it proxies to, whether it serves files. */
export function gatewayRoutes(text = read("gateway/default.conf.template")) {
  const routes = [];
  for (const m of text.matchAll(/location\s+(=\s*)?(\/[^\s{]*)\s*\{([^}]*)\}/g)) {
    const proxy = /proxy_pass\s+http:\/\/(\w+)/.exec(m[3]);
    // files: the location serves static files (the web console) from a root.
    routes.push({ exact: Boolean(m[1]), path: m[2], upstream: proxy?.[1] ?? null, files: /^\s*root\s/m.test(m[3]) });
  }
  return routes;
}

/** Where the gateway's image (gateway/Dockerfile) puts the web console's files. */
export function gatewayConsoleDir(text = read("gateway/Dockerfile")) {
  return /^COPY\s+web-console\/target\/console\s+(\S+)\s*$/m.exec(text)?.[1] ?? null;
}

export function allFacts() {
  const services = serviceNames().map(serviceFacts);
  return {
    services,
    topics: contractTopics(),
    publishers: topicPublishers(),
    devMasterKey: read("dev/keys/dev-only-device-master-key.hex").trim(),
    devPayoutMethodKey: read("dev/keys/dev-only-payout-method-key.hex").trim(),
    gatewayTemplate: read("gateway/default.conf.template"),
    gatewayConsoleDir: gatewayConsoleDir(),
    devStack: devStackFacts(),
  };
}

/**
 * Micrometer meters registered in the services' and the platform's code, with the Prometheus series names
 * they produce: gauge x.y -> x_y; counter x.y -> x_y_total; timer x.y -> x_y_seconds{,_count,_sum,_max,_bucket}.
 */
export function meters() {
  const series = new Set();
  const platformDirs = readdirSync(join(ROOT, "platform")).map((m) => `platform/${m}/src/main/java`);
  const dirs = [...serviceNames().map((s) => `${s}/src/main/java`), ...platformDirs];
  for (const file of dirs.flatMap(javaFiles)) {
    const src = read(file);
    const add = (name, kind) => {
      const base = name.replace(/[^A-Za-z0-9_:]/g, "_");
      if (kind === "gauge") series.add(base);
      if (kind === "counter") series.add(`${base}_total`);
      if (kind === "timer") for (const s of ["", "_count", "_sum", "_max", "_bucket"]) series.add(`${base}_seconds${s}`);
    };
    for (const m of src.matchAll(/(?:\.gauge\s*\(|Gauge\s*\.\s*builder\s*\()\s*"([^"]+)"/g)) add(m[1], "gauge");
    for (const m of src.matchAll(/(?:\.counter\s*\(|Counter\s*\.\s*builder\s*\()\s*"([^"]+)"/g)) add(m[1], "counter");
    for (const m of src.matchAll(/(?:\.timer\s*\(|Timer\s*\.\s*builder\s*\()\s*"([^"]+)"/g)) add(m[1], "timer");
  }
  return series;
}

/** Our own metric names: the prefixes of the meters the services and the platform register. */
export const OWN_METRIC_PREFIXES = ["device_", "execution_", "affiliate_", "outbox_", "inbox_"];

/** Series names an expression uses that start like our own metrics but that no code registers. */
export function unknownSeries(expr, known = meters()) {
  const names = [...String(expr).matchAll(/\b([a-z_][a-z0-9_]*)\b(?=\s*[{[(]|\s*$|\s*[)\s,*/+-])/g)].map((m) => m[1]);
  return [...new Set(names.filter((n) => OWN_METRIC_PREFIXES.some((p) => n.startsWith(p)) && !known.has(n)))];
}

/**
 * What dev/up gives the local stack and what dev/demo and dev/signal expect of it: the host ports (variable and
 * default) of the gateway and of Kafka, and the environment dev/up sets for affiliate-service from DEV_* variables
 * (the demo's programme terms). docker-compose.yml must offer the same, so the dev scripts run against it.
 */
export function devStackFacts() {
  const up = read("dev/up");
  const portOf = (text, variable) => {
    const m = new RegExp(`\\$\\{${variable}:-(\\d+)\\}`).exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const terms = new Map();
  for (const m of up.matchAll(/^\s*(AFFILIATES_[A-Z0-9_]+)="\$\{(DEV_[A-Z0-9_]+):-([^}]*)\}"/gm)) terms.set(m[1], { variable: m[2], value: m[3] });
  return {
    gatewayPort: { variable: "DEV_GATEWAY_PORT", up: portOf(up, "DEV_GATEWAY_PORT"), demo: portOf(read("dev/demo"), "DEV_GATEWAY_PORT") },
    kafkaPort: {
      variable: "DEV_KAFKA_PORT", up: portOf(up, "DEV_KAFKA_PORT"), demo: portOf(read("dev/demo"), "DEV_KAFKA_PORT"),
      signal: portOf(read("dev/signal"), "DEV_KAFKA_PORT"),
    },
    affiliateTerms: terms,
  };
}
