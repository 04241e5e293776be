// Cross-checks between the deployment files and what the services actually read. Each function takes
// parsed objects plus the facts derived from the repository (lib/repo.js) and returns a list of problems,
// one readable sentence each; an empty list means no drift. Tests feed them altered copies to prove they fail.
import { isDeepStrictEqual } from "node:util";
import { parse } from "yaml";
import { unknownEnv, gatewayTemplateVars, gatewayRoutes, read } from "./repo.js";

const byKind = (objs, kind) => objs.filter((o) => o?.kind === kind);
/** Variables that carry a secret: only ever from a Secret in the manifests. */
const SECRET_ENV = /PASSWORD|MASTER_KEY|SECRET|API_KEY|ENCRYPTION_KEY$|PREVIOUS_KEYS|JAAS_CONFIG/;
/** Settings a production deployment must not have: the services refuse them unless told they are not production. */
const DEV_ONLY_ENV = { PLATFORM_DEV_ONLY_SETTINGS_ALLOWED: /^true$/i, AFFILIATES_PAYOUTS_PROVIDER: /^simulated$/i };
const named = (objs, kind, name) => objs.find((o) => o?.kind === kind && o.metadata?.name === name);
const hostPort = (s) => /^([^:/]+):(\d+)$/.exec(String(s ?? ""));
const urlParts = (s) => /^(?:jdbc:)?postgresql:\/\/([^:/]+)(?::(\d+))?\/([^?]+)/.exec(String(s ?? ""));

/** The name of a ConfigMap as written in the sources: kustomize appends -<hash> to generated ones. */
const findConfigMap = (objs, name) => named(objs, "ConfigMap", name);

/** The environment of a container: explicit env plus keys of ConfigMaps pulled in with envFrom. */
function containerEnv(objs, container, where, problems) {
  const env = new Map();
  for (const from of container.envFrom ?? []) {
    if (from.secretRef) {
      problems.push(`${where}: envFrom secretRef ${from.secretRef.name} hides which variables are set; use env with secretKeyRef`);
    }
    if (!from.configMapRef) continue;
    const cm = findConfigMap(objs, from.configMapRef.name);
    if (!cm) {
      problems.push(`${where}: envFrom ConfigMap ${from.configMapRef.name} is not in the manifests`);
      continue;
    }
    for (const [k, v] of Object.entries(cm.data ?? {})) env.set(k, { value: v, source: `ConfigMap ${cm.metadata.name}` });
  }
  for (const e of container.env ?? []) env.set(e.name, { value: e.value, valueFrom: e.valueFrom, source: "env" });
  return env;
}

function resolvePort(container, port) {
  if (typeof port === "number") return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

function checkProbe(where, container, probe, kindOfProbe, expectedPath, expectedPort, problems, required = true) {
  if (!probe) {
    if (required) problems.push(`${where}: no ${kindOfProbe}`);
    return;
  }
  const get = probe.httpGet;
  if (!get) {
    problems.push(`${where}: ${kindOfProbe} is not an HTTP GET on ${expectedPath}`);
    return;
  }
  if (get.path !== expectedPath) {
    problems.push(`${where}: ${kindOfProbe} path ${get.path} differs from the service's ${expectedPath}`);
  }
  const port = resolvePort(container, get.port);
  if (port !== expectedPort) {
    problems.push(`${where}: ${kindOfProbe} port ${get.port} (${port ?? "unresolved"}) differs from quarkus.http.port ${expectedPort}`);
  }
}

function checkEnvNames(where, svc, names, problems) {
  for (const name of names) {
    const why = unknownEnv(svc, name);
    if (why) problems.push(`${where}: ${why}`);
  }
  for (const name of svc.requiredEnv) {
    if (!names.includes(name)) problems.push(`${where}: required ${name} is not set`);
  }
}

function checkPodSecurity(where, pod, container, problems) {
  const psc = pod.securityContext ?? {};
  const sc = container.securityContext ?? {};
  if (!(sc.runAsNonRoot ?? psc.runAsNonRoot)) problems.push(`${where}: runAsNonRoot is not set`);
  const uid = sc.runAsUser ?? psc.runAsUser;
  if (uid === 0) problems.push(`${where}: runs as uid 0`);
  if (sc.readOnlyRootFilesystem !== true) problems.push(`${where}: the root filesystem is not read-only`);
  if (sc.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation is not false`);
  if (!(sc.capabilities?.drop ?? []).includes("ALL")) problems.push(`${where}: capabilities are not all dropped`);
  const tmp = (container.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
  const vol = tmp && (pod.volumes ?? []).find((v) => v.name === tmp.name);
  if (!vol?.emptyDir) problems.push(`${where}: /tmp is not an emptyDir (needed with a read-only root filesystem)`);
}

/** Everything about one service's Kubernetes objects. */
function checkK8sService(objs, svc, problems) {
  const dep = named(objs, "Deployment", svc.name);
  if (!dep) return problems.push(`Deployment ${svc.name} is missing`);
  const pod = dep.spec?.template?.spec ?? {};
  const podLabels = dep.spec?.template?.metadata?.labels ?? {};
  const container = (pod.containers ?? []).find((c) => c.name === svc.name) ?? pod.containers?.[0];
  const where = `Deployment ${svc.name}`;
  if (!container) return problems.push(`${where}: no container`);

  const http = (container.ports ?? []).find((p) => p.name === "http");
  if (!http) problems.push(`${where}: no container port named http`);
  else if (http.containerPort !== svc.port) {
    problems.push(`${where}: containerPort ${http.containerPort} differs from quarkus.http.port ${svc.port}`);
  }
  checkProbe(where, container, container.livenessProbe, "livenessProbe", svc.health.live, svc.port, problems);
  checkProbe(where, container, container.readinessProbe, "readinessProbe", svc.health.ready, svc.port, problems);
  checkProbe(where, container, container.startupProbe, "startupProbe", svc.health.started, svc.port, problems, false);
  if (dep.spec?.strategy?.type !== "RollingUpdate") problems.push(`${where}: strategy is not RollingUpdate`);
  const res = container.resources ?? {};
  for (const r of ["cpu", "memory"]) {
    if (!res.requests?.[r]) problems.push(`${where}: no ${r} request`);
    if (!res.limits?.[r]) problems.push(`${where}: no ${r} limit`);
  }
  checkPodSecurity(where, pod, container, problems);

  const ann = dep.spec?.template?.metadata?.annotations ?? {};
  if (ann["prometheus.io/port"] !== undefined && Number(ann["prometheus.io/port"]) !== svc.port) {
    problems.push(`${where}: prometheus.io/port ${ann["prometheus.io/port"]} differs from quarkus.http.port ${svc.port}`);
  }
  if (ann["prometheus.io/path"] !== undefined && ann["prometheus.io/path"] !== svc.metricsPath) {
    problems.push(`${where}: prometheus.io/path ${ann["prometheus.io/path"]} differs from the metrics path ${svc.metricsPath}`);
  }

  const env = containerEnv(objs, container, where, problems);
  checkEnvNames(where, svc, [...env.keys()], problems);

  // The JWT public key: the configured path must be a file of a mounted Secret volume.
  const jwt = env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION")?.value;
  if (jwt && !/^https?:/.test(jwt)) {
    const mounted = (container.volumeMounts ?? []).some((m) => {
      const vol = (pod.volumes ?? []).find((v) => v.name === m.name);
      if (!vol?.secret || !jwt.startsWith(m.mountPath.replace(/\/$/, "") + "/")) return false;
      const file = jwt.slice(m.mountPath.replace(/\/$/, "").length + 1);
      return vol.secret.items ? vol.secret.items.some((i) => i.path === file) : true;
    });
    if (!mounted) problems.push(`${where}: MP_JWT_VERIFY_PUBLICKEY_LOCATION ${jwt} is not a file of a mounted Secret volume`);
  }
  // Secrets only as references.
  for (const [name, e] of env) {
    if (SECRET_ENV.test(name) && e.value !== undefined) {
      problems.push(`${where}: ${name} has a literal value in ${e.source}; reference a Secret instead`);
    }
  }

  // The database: URL host is the -rw Service of a CloudNativePG Cluster whose database the URL names, and the
  // credentials come from that Cluster's generated -app Secret.
  const dbClusters = new Set();
  for (const key of ["QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL"]) {
    const url = urlParts(env.get(key)?.value);
    if (!url) {
      if (env.has(key)) problems.push(`${where}: ${key} is not a postgresql URL`);
      continue;
    }
    const cluster = url[1].replace(/-rw$/, "");
    const db = named(objs, "Cluster", cluster);
    if (!url[1].endsWith("-rw") || !db) {
      problems.push(`${where}: ${key} host ${url[1]} is not the -rw Service of a CloudNativePG Cluster`);
      continue;
    }
    dbClusters.add(cluster);
    if (db.spec?.bootstrap?.initdb?.database !== url[3]) {
      problems.push(`${where}: ${key} names database ${url[3]}, Cluster ${cluster} creates ${db.spec?.bootstrap?.initdb?.database}`);
    }
  }
  if (dbClusters.size > 1) problems.push(`${where}: the reactive and JDBC URLs point at different databases`);
  const cluster = [...dbClusters][0];
  for (const key of ["QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"]) {
    const ref = env.get(key)?.valueFrom?.secretKeyRef;
    if (env.has(key) && cluster && ref?.name !== `${cluster}-app`) {
      problems.push(`${where}: ${key} does not come from Secret ${cluster}-app (CloudNativePG's application credentials)`);
    }
  }
  // Kafka: the bootstrap Service Strimzi creates for a Kafka in these manifests.
  const boot = hostPort(env.get("KAFKA_BOOTSTRAP_SERVERS")?.value);
  const kafkaNames = byKind(objs, "Kafka").map((k) => k.metadata.name);
  if (env.has("KAFKA_BOOTSTRAP_SERVERS") && !(boot && kafkaNames.some((k) => boot[1] === `${k}-kafka-bootstrap`))) {
    problems.push(`${where}: KAFKA_BOOTSTRAP_SERVERS ${env.get("KAFKA_BOOTSTRAP_SERVERS")?.value} is not the bootstrap Service of a Kafka here`);
  }

  const sa = named(objs, "ServiceAccount", pod.serviceAccountName);
  if (!sa) problems.push(`${where}: ServiceAccount ${pod.serviceAccountName} is missing`);
  else if (sa.automountServiceAccountToken !== false || pod.automountServiceAccountToken !== false) {
    problems.push(`${where}: the service account token is mounted`);
  }

  // Service, HPA, PDB.
  const service = named(objs, "Service", svc.name);
  if (!service) problems.push(`Service ${svc.name} is missing`);
  else {
    const sp = service.spec?.ports?.[0];
    if (sp?.port !== svc.port) problems.push(`Service ${svc.name}: port ${sp?.port} differs from quarkus.http.port ${svc.port}`);
    if (resolvePort(container, sp?.targetPort ?? sp?.port) !== svc.port) {
      problems.push(`Service ${svc.name}: targetPort ${sp?.targetPort} does not reach the container's port ${svc.port}`);
    }
    if (!selects(service.spec?.selector, podLabels)) problems.push(`Service ${svc.name}: selector does not match the pods`);
  }
  const hpa = byKind(objs, "HorizontalPodAutoscaler").find((h) => h.spec?.scaleTargetRef?.name === svc.name);
  if (!hpa) problems.push(`no HorizontalPodAutoscaler scales ${svc.name}`);
  else {
    if (!(hpa.spec.metrics ?? []).some((m) => m.type === "Resource" && m.resource?.name === "cpu")) {
      problems.push(`HorizontalPodAutoscaler ${hpa.metadata.name}: no CPU metric`);
    }
    for (const m of hpa.spec.metrics ?? []) {
      if (m.type === "Pods" && !svc.gauges.has(m.pods?.metric?.name)) {
        problems.push(`HorizontalPodAutoscaler ${hpa.metadata.name}: pods metric ${m.pods?.metric?.name} is not a gauge ${svc.name} registers (it has: ${[...svc.gauges].join(", ") || "none"})`);
      }
    }
  }
  const pdb = byKind(objs, "PodDisruptionBudget").find((p) => selects(p.spec?.selector?.matchLabels, podLabels));
  if (!pdb) problems.push(`no PodDisruptionBudget covers ${svc.name}`);

  // NetworkPolicy: the service's own policy allows egress to its own database only.
  const np = byKind(objs, "NetworkPolicy").find((p) => selects(p.spec?.podSelector?.matchLabels, podLabels) && Object.keys(p.spec?.podSelector?.matchLabels ?? {}).length);
  if (!np) problems.push(`no NetworkPolicy of its own selects ${svc.name}`);
  else {
    const dbs = (np.spec.egress ?? []).flatMap((e) => e.to ?? []).map((t) => t.podSelector?.matchLabels?.["cnpg.io/cluster"]).filter(Boolean);
    if (cluster && (dbs.length !== 1 || dbs[0] !== cluster)) {
      problems.push(`NetworkPolicy ${np.metadata.name}: egress to databases ${dbs.join(", ") || "none"}, expected only ${cluster}`);
    }
    if (!(np.spec.ingress ?? []).every((i) => (i.ports ?? []).every((p) => p.port === svc.port || p.port === "http"))) {
      problems.push(`NetworkPolicy ${np.metadata.name}: ingress on a port other than ${svc.port}`);
    }
  }
}

const selects = (selector, labels) =>
  selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/** The gateway: env = the template's variables, upstreams = the services' Services, ingress paths = its routes. */
function checkK8sGateway(objs, facts, problems) {
  const dep = named(objs, "Deployment", "gateway");
  if (!dep) return problems.push("Deployment gateway is missing");
  const pod = dep.spec.template.spec;
  const container = pod.containers[0];
  const where = "Deployment gateway";
  const env = containerEnv(objs, container, where, problems);
  checkGatewayEnv(where, env, facts, (host, port) => {
    const s = named(objs, "Service", host);
    if (!s) return `no Service ${host}`;
    const p = (s.spec.ports ?? []).find((x) => x.port === port);
    return p ? null : `Service ${host} has no port ${port}`;
  }, problems);
  const gwPort = Number(env.get("GATEWAY_PORT")?.value);
  const http = container.ports?.find((p) => p.name === "http");
  if (http?.containerPort !== gwPort) problems.push(`${where}: containerPort ${http?.containerPort} differs from GATEWAY_PORT ${gwPort}`);
  const healthz = gatewayRoutes(facts.gatewayTemplate).some((r) => r.path === "/healthz");
  for (const [kind, probe] of [["livenessProbe", container.livenessProbe], ["readinessProbe", container.readinessProbe]]) {
    if (!healthz) problems.push("gateway template: no /healthz location");
    checkProbe(where, container, probe, kind, "/healthz", gwPort, problems);
  }
  checkPodSecurity(where, pod, container, problems);

  // The web console: the image is the gateway's (gateway/Dockerfile), which holds the console's files at CONSOLE_ROOT.
  if (!/(^|\/)tradesignals\/gateway(:|@|$)/.test(container.image ?? "")) {
    problems.push(`${where}: image ${container.image} is not tradesignals/gateway (gateway/Dockerfile, with the web console)`);
  }
  if (env.get("CONSOLE_ROOT")?.value !== facts.gatewayConsoleDir) {
    problems.push(`${where}: CONSOLE_ROOT ${env.get("CONSOLE_ROOT")?.value} is not where gateway/Dockerfile copies the web console (${facts.gatewayConsoleDir})`);
  }

  // The template comes in through a ConfigMap mounted at /etc/nginx/templates; it must be the same file.
  const mount = (container.volumeMounts ?? []).find((m) => m.mountPath === "/etc/nginx/templates");
  const vol = mount && pod.volumes.find((v) => v.name === mount.name);
  const cm = vol?.configMap && findConfigMap(objs, vol.configMap.name);
  if (!cm) problems.push(`${where}: no ConfigMap mounted at /etc/nginx/templates`);
  else if (cm.data?.["default.conf.template"] !== facts.gatewayTemplate) {
    problems.push(`ConfigMap ${cm.metadata.name}: default.conf.template differs from gateway/default.conf.template (copy it: cp gateway/default.conf.template k8s/base/gateway/)`);
  }

  // Routing in: Gateway API HTTPRoutes (no Ingress: ingress-nginx is retired). Each path prefix goes to the gateway
  // Service and is a prefix the gateway routes to a service; every such route is exposed; the route's parent is a
  // Gateway here whose listeners accept its host names; long polls fit in its request timeout.
  const routes = gatewayRoutes(facts.gatewayTemplate).filter((r) => r.upstream);
  for (const ing of byKind(objs, "Ingress")) {
    problems.push(`Ingress ${ing.metadata.name}: route with a Gateway API HTTPRoute instead (ingress-nginx is retired)`);
  }
  const httpRoutes = byKind(objs, "HTTPRoute");
  if (!httpRoutes.length) problems.push("no HTTPRoute for the gateway");
  const gwService = named(objs, "Service", "gateway");
  const prefixes = new Set();
  for (const hr of httpRoutes) {
    const where = `HTTPRoute ${hr.metadata.name}`;
    const parents = hr.spec?.parentRefs ?? [];
    if (!parents.length) problems.push(`${where}: no parentRefs`);
    for (const p of parents) {
      const gw = (p.kind ?? "Gateway") === "Gateway" && named(objs, "Gateway", p.name);
      if (!gw) {
        problems.push(`${where}: parent ${p.kind ?? "Gateway"} ${p.name} is not in the manifests`);
        continue;
      }
      const listeners = (gw.spec?.listeners ?? []).filter((l) => !p.sectionName || l.name === p.sectionName);
      if (!listeners.length) problems.push(`${where}: Gateway ${gw.metadata.name} has no listener ${p.sectionName}`);
      for (const h of hr.spec?.hostnames ?? []) {
        if (!listeners.some((l) => !l.hostname || l.hostname === h)) problems.push(`${where}: host ${h} is accepted by no listener of Gateway ${gw.metadata.name}`);
      }
    }
    for (const rule of hr.spec?.rules ?? []) {
      for (const b of rule.backendRefs ?? []) {
        if ((b.kind ?? "Service") !== "Service" || b.name !== "gateway") problems.push(`${where}: backend ${b.kind ?? "Service"} ${b.name} bypasses the gateway`);
        else if (!(gwService?.spec?.ports ?? []).some((x) => x.port === b.port)) problems.push(`${where}: Service gateway has no port ${b.port}`);
      }
      const t = /^(\d+)(ms|s|m|h)$/.exec(rule.timeouts?.request ?? "");
      const seconds = t && Number(t[1]) * { ms: 0.001, s: 1, m: 60, h: 3600 }[t[2]];
      if (!(seconds === 0 || seconds > 60)) {
        problems.push(`${where}: timeouts.request ${rule.timeouts?.request ?? "unset (implementation default, 15 s on Envoy)"} does not cover the gateway's 60 s wait for a long poll`);
      }
      for (const m of rule.matches ?? []) {
        const path = m.path?.value;
        if (m.path?.type !== "PathPrefix") {
          problems.push(`${where}: ${path} is not a PathPrefix match`);
          continue;
        }
        prefixes.add(path);
        const console = path === "/" && gatewayRoutes(facts.gatewayTemplate).some((r) => r.path === "/" && r.files);
        if (!console && !routes.some((r) => r.path === path || r.path === `${path}/`)) problems.push(`${where}: ${path} is not a path the gateway routes`);
      }
    }
  }
  for (const r of routes) {
    if (!r.exact && ![...prefixes].some((p) => r.path === `${p}/` || r.path === p)) {
      problems.push(`HTTPRoute: the gateway route ${r.path} is not exposed`);
    }
  }
}

/** Gateway env (k8s or compose): exactly the template's variables; each *_SERVICE_ADDR reaches its service. */
function checkGatewayEnv(where, env, facts, reach, problems) {
  const vars = gatewayTemplateVars(facts.gatewayTemplate);
  for (const v of vars) if (!env.has(v)) problems.push(`${where}: template variable ${v} is not set`);
  for (const name of env.keys()) {
    if (!vars.has(name)) problems.push(`${where}: ${name} is not a variable of gateway/default.conf.template`);
  }
  for (const svc of facts.services) {
    const name = `${svc.name.replace(/-service$/, "").toUpperCase()}_SERVICE_ADDR`;
    if (!vars.has(name)) problems.push(`gateway template: no ${name} for ${svc.name}`);
    const hp = hostPort(env.get(name)?.value);
    if (!hp) {
      if (env.has(name)) problems.push(`${where}: ${name} is not host:port`);
      continue;
    }
    if (Number(hp[2]) !== svc.port) problems.push(`${where}: ${name} port ${hp[2]} differs from ${svc.name}'s quarkus.http.port ${svc.port}`);
    if (hp[1] !== svc.name) problems.push(`${where}: ${name} host ${hp[1]} is not ${svc.name}`);
    const why = reach(hp[1], Number(hp[2]));
    if (why) problems.push(`${where}: ${name}: ${why}`);
  }
}

/** Topics: every topic the services use is declared, nothing else is. */
function checkTopics(objs, facts, problems) {
  const topics = byKind(objs, "KafkaTopic");
  const kafkas = new Set(byKind(objs, "Kafka").map((k) => k.metadata.name));
  const declared = new Map(topics.map((t) => [t.spec?.topicName ?? t.metadata.name, t]));
  const needed = new Set(facts.topics);
  for (const svc of facts.services) {
    for (const i of svc.incoming) {
      needed.add(i.topic);
      if (i.dlq) needed.add(i.dlq);
    }
  }
  for (const t of needed) if (!declared.has(t)) problems.push(`topic ${t} (used by the services or in Topics.java) has no KafkaTopic`);
  const dlq = new RegExp(`^(${facts.topics.map((t) => t.replace(/\./g, "\\.")).join("|")})\\.(${facts.services.map((s) => s.name).join("|")})\\.dlq$`);
  for (const [name, t] of declared) {
    if (!facts.topics.includes(name) && !dlq.test(name)) {
      problems.push(`KafkaTopic ${t.metadata.name}: ${name} is neither a topic of Topics.java nor <topic>.<service>.dlq`);
    }
    if (!kafkas.has(t.metadata.labels?.["strimzi.io/cluster"])) {
      problems.push(`KafkaTopic ${t.metadata.name}: label strimzi.io/cluster names no Kafka here`);
    }
    if (!(t.spec?.partitions > 0) || !(t.spec?.replicas > 0)) problems.push(`KafkaTopic ${t.metadata.name}: partitions and replicas must be set`);
  }
  // A consuming Deployment with more replicas than partitions leaves consumers idle.
  for (const svc of facts.services) {
    const hpa = byKind(objs, "HorizontalPodAutoscaler").find((h) => h.spec?.scaleTargetRef?.name === svc.name);
    for (const i of svc.incoming) {
      const parts = declared.get(i.topic)?.spec?.partitions;
      if (hpa && parts && hpa.spec.maxReplicas > parts && svc.name !== "device-service") {
        problems.push(`HorizontalPodAutoscaler ${svc.name}: maxReplicas ${hpa.spec.maxReplicas} exceeds the ${parts} partitions of ${i.topic}`);
      }
    }
  }
}

/**
 * A production overlay: no container may get a dev-only setting (the opt-in that lets a service start with the
 * committed dev keys, or the simulated bank), from its env or a ConfigMap it pulls in.
 */
export function checkProductionSettings(objs) {
  const problems = [];
  for (const dep of byKind(objs, "Deployment")) {
    for (const container of dep.spec?.template?.spec?.containers ?? []) {
      const where = `Deployment ${dep.metadata.name}`;
      const env = containerEnv(objs, container, where, []);
      for (const [name, allowedIn] of Object.entries(DEV_ONLY_ENV)) {
        const value = env.get(name)?.value;
        if (value !== undefined && allowedIn.test(String(value))) {
          problems.push(`${where}: ${name}=${value} in a production overlay (${env.get(name).source}); it is for dev and demos only`);
        }
      }
    }
  }
  return problems;
}

// ---- Kafka authentication and ACLs (decision 0702) ----------------------------------------------------

/**
 * Kafka users that are not services, and what each may do: exactly these grants (see expectedGrants).
 * A new one (another upstream producer, a downstream consumer) is added here and in k8s/base/kafka-users.yaml.
 */
export const EXTERNAL_KAFKA_USERS = {
  // The upstream Signals API: writes the topics Topics.java says no service of ours publishes.
  "signals-api": (facts) => upstreamTopics(facts).flatMap((t) => [grant("topic", t, "Write")]).concat(grant("cluster", "kafka-cluster", "IdempotentWrite")),
  // Operators inspecting dead letters: read every dead-letter topic, in groups dlq-reader-*.
  "dlq-reader": (facts) =>
    facts.services.flatMap((s) => s.incoming.filter((i) => i.dlq).map((i) => grant("topic", i.dlq, "Read")))
      .concat(grant("group", "dlq-reader-", "Read", "prefix")),
};

const grant = (type, name, op, patternType = "literal") => `${type} ${type === "cluster" ? "kafka-cluster" : name}${patternType === "literal" ? "" : ` (${patternType})`}: ${op}`;

/** Topics of Topics.java that no service writes: published by an upstream system. */
const upstreamTopics = (facts) => facts.topics.filter((t) => !facts.services.some((s) => s.produces.includes(t))).sort();

/** What a service needs: write its event topics and dead-letter topics, read what it consumes, in its groups. */
export function expectedGrants(svc) {
  const out = new Set();
  for (const t of svc.produces) out.add(grant("topic", t, "Write"));
  for (const i of svc.incoming) {
    out.add(grant("topic", i.topic, "Read"));
    out.add(grant("group", i.group, "Read"));
    if (i.dlq) out.add(grant("topic", i.dlq, "Write"));
  }
  // Idempotent producers (the outbox channel sets enable.idempotence=true; Kafka clients default to it, so the
  // dead-letter producers are idempotent too) ask the cluster for a producer id.
  if (svc.produces.length || svc.incoming.some((i) => i.dlq)) out.add(grant("cluster", "kafka-cluster", "IdempotentWrite"));
  return out;
}

/** The allow rules of a KafkaUser as grants; Describe on a topic counts as part of Read or Write (it is implied). */
function grantedOf(user, where, problems) {
  const out = new Set();
  const describes = [];
  const authz = user.spec?.authorization;
  if (authz?.type !== "simple") problems.push(`${where}: authorization is not type simple`);
  for (const acl of authz?.acls ?? []) {
    if ((acl.type ?? "allow") !== "allow") continue; // deny rules only take away
    const r = acl.resource ?? {};
    for (const op of acl.operations ?? []) {
      const g = grant(r.type, r.name, op, r.patternType ?? "literal");
      if (r.type === "topic" && op === "Describe") describes.push(g);
      else out.add(g);
    }
  }
  for (const d of describes) {
    const base = d.replace(/: Describe$/, "");
    if (!out.has(`${base}: Read`) && !out.has(`${base}: Write`)) out.add(d);
  }
  return out;
}

function compareGrants(where, granted, expected, problems) {
  for (const g of expected) if (!granted.has(g)) problems.push(`${where}: lacks ${g}`);
  for (const g of granted) if (!expected.has(g)) problems.push(`${where}: has ${g}, which it does not need`);
}

function checkKafkaSecurity(objs, facts, problems) {
  const kafkas = byKind(objs, "Kafka");
  const users = byKind(objs, "KafkaUser");
  for (const k of kafkas) {
    const where = `Kafka ${k.metadata.name}`;
    if (k.spec?.kafka?.authorization?.type !== "simple") problems.push(`${where}: no authorization (type simple): every authenticated client could do anything`);
    const su = k.spec?.kafka?.authorization?.superUsers ?? [];
    if (su.length) problems.push(`${where}: superUsers ${su.join(", ")}: nobody but Strimzi's own components may bypass the ACLs`);
    if (String(k.spec?.kafka?.config?.["allow.everyone.if.no.acl.found"]) === "true") problems.push(`${where}: allow.everyone.if.no.acl.found is true`);
    for (const l of k.spec?.kafka?.listeners ?? []) {
      if (!l.authentication) problems.push(`${where}: listener ${l.name} (port ${l.port}) has no authentication`);
    }
    if (users.length && !k.spec?.entityOperator?.userOperator) problems.push(`${where}: no entityOperator.userOperator: nothing reconciles the KafkaUsers`);
  }
  for (const u of users) {
    if (!kafkas.some((k) => k.metadata.name === u.metadata.labels?.["strimzi.io/cluster"])) {
      problems.push(`KafkaUser ${u.metadata.name}: label strimzi.io/cluster names no Kafka here`);
    }
  }

  for (const svc of facts.services) {
    const dep = named(objs, "Deployment", svc.name);
    const container = dep && ((dep.spec?.template?.spec?.containers ?? []).find((c) => c.name === svc.name) ?? dep.spec?.template?.spec?.containers?.[0]);
    if (!container) continue; // reported by checkK8sService
    const where = `Deployment ${svc.name}`;
    const env = containerEnv(objs, container, where, []);
    // The listener it connects to, and the client settings that listener needs.
    const boot = hostPort(env.get("KAFKA_BOOTSTRAP_SERVERS")?.value);
    const kafka = boot && kafkas.find((k) => boot[1] === `${k.metadata.name}-kafka-bootstrap`);
    const listener = kafka?.spec?.kafka?.listeners?.find((l) => l.port === Number(boot[2]));
    if (kafka && !listener) problems.push(`${where}: KAFKA_BOOTSTRAP_SERVERS port ${boot[2]} is no listener of Kafka ${kafka.metadata.name}`);
    if (listener?.authentication?.type === "scram-sha-512") {
      const protocol = listener.tls ? "SASL_SSL" : "SASL_PLAINTEXT";
      if (env.get("KAFKA_SECURITY_PROTOCOL")?.value !== protocol) {
        problems.push(`${where}: KAFKA_SECURITY_PROTOCOL is ${env.get("KAFKA_SECURITY_PROTOCOL")?.value ?? "not set"}, listener ${listener.name} needs ${protocol}`);
      }
      if (env.get("KAFKA_SASL_MECHANISM")?.value !== "SCRAM-SHA-512") {
        problems.push(`${where}: KAFKA_SASL_MECHANISM is ${env.get("KAFKA_SASL_MECHANISM")?.value ?? "not set"}, listener ${listener.name} needs SCRAM-SHA-512`);
      }
      const ref = env.get("KAFKA_SASL_JAAS_CONFIG")?.valueFrom?.secretKeyRef;
      if (ref?.name !== svc.name || ref?.key !== "sasl.jaas.config") {
        problems.push(`${where}: KAFKA_SASL_JAAS_CONFIG does not come from Secret ${svc.name}, key sasl.jaas.config (its KafkaUser's credentials)`);
      }
    } else if (listener) {
      problems.push(`${where}: listener ${listener.name} does not use scram-sha-512 authentication`);
    }
    // Its KafkaUser and exactly the permissions its configuration needs.
    const user = named(objs, "KafkaUser", svc.name);
    if (!user) {
      problems.push(`KafkaUser ${svc.name} is missing`);
      continue;
    }
    if (listener?.authentication && user.spec?.authentication?.type !== listener.authentication.type) {
      problems.push(`KafkaUser ${svc.name}: authentication ${user.spec?.authentication?.type ?? "none"}, listener ${listener.name} uses ${listener.authentication.type}`);
    }
    compareGrants(`KafkaUser ${svc.name}`, grantedOf(user, `KafkaUser ${svc.name}`, problems), expectedGrants(svc), problems);
  }

  for (const u of users) {
    const name = u.metadata.name;
    if (facts.services.some((s) => s.name === name)) continue;
    const where = `KafkaUser ${name}`;
    const role = EXTERNAL_KAFKA_USERS[name];
    if (!role) {
      problems.push(`${where} is neither a service nor a known external user (EXTERNAL_KAFKA_USERS in deploy/validation/lib/checks.js)`);
      continue;
    }
    compareGrants(where, grantedOf(u, where, problems), new Set(role(facts)), problems);
  }
  // Every upstream topic has a writer, or nothing can publish it.
  for (const t of upstreamTopics(facts)) {
    if (!users.some((u) => grantedOf(u, "", []).has(grant("topic", t, "Write")))) {
      problems.push(`topic ${t} (published upstream: ${facts.publishers?.get(t) ?? "?"}) has no KafkaUser that may write it`);
    }
  }
}

export function checkK8s(objs, facts) {
  const problems = [];
  for (const svc of facts.services) checkK8sService(objs, svc, problems);
  checkK8sGateway(objs, facts, problems);
  checkTopics(objs, facts, problems);
  checkKafkaSecurity(objs, facts, problems);
  checkScaleOwnership(objs, problems);
  checkMonitoring(objs, facts, problems);
  checkDatabaseBackupsWellFormed(objs, problems);
  for (const s of byKind(objs, "Secret")) problems.push(`Secret ${s.metadata.name} is in the manifests: reference Secrets, never commit them`);
  const deny = byKind(objs, "NetworkPolicy").find((p) => Object.keys(p.spec?.podSelector ?? {}).length === 0 && (p.spec?.policyTypes ?? []).includes("Ingress") && (p.spec?.policyTypes ?? []).includes("Egress") && !p.spec.ingress && !p.spec.egress);
  if (!deny) problems.push("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
  return problems;
}

// ---- scale, monitoring, backups ---------------------------------------------------------------------------

/** A Deployment an HPA scales has no replicas field: every apply would reset the HPA's scale to it. */
function checkScaleOwnership(objs, problems) {
  for (const hpa of byKind(objs, "HorizontalPodAutoscaler")) {
    const ref = hpa.spec?.scaleTargetRef ?? {};
    const dep = ref.kind === "Deployment" && named(objs, "Deployment", ref.name);
    if (dep && dep.spec?.replicas !== undefined) {
      problems.push(`Deployment ${dep.metadata.name}: replicas ${dep.spec.replicas} is set, but HorizontalPodAutoscaler ${hpa.metadata.name} owns its scale (every apply would reset it)`);
    }
  }
}

const matchesSelector = (sel, labels) => {
  if (!sel) return false;
  const ml = Object.entries(sel.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v);
  const me = (sel.matchExpressions ?? []).every((e) => {
    const has = Object.hasOwn(labels ?? {}, e.key);
    if (e.operator === "In") return has && e.values.includes(labels[e.key]);
    if (e.operator === "NotIn") return !has || !e.values.includes(labels[e.key]);
    if (e.operator === "Exists") return has;
    if (e.operator === "DoesNotExist") return !has;
    return false;
  });
  return (Object.keys(sel.matchLabels ?? {}).length > 0 || (sel.matchExpressions ?? []).length > 0) && ml && me;
};

/**
 * Every service is scraped by a PodMonitor on its HTTP port and metrics path, with the labels the alerts group by;
 * nothing without a metrics endpoint is selected; the PrometheusRule holds exactly deploy/prometheus/alerts.yml;
 * Kafka's metrics are configured, scraped and reachable.
 */
function checkMonitoring(objs, facts, problems) {
  const monitors = byKind(objs, "PodMonitor");
  const deployments = byKind(objs, "Deployment");
  for (const dep of deployments) {
    const labels = dep.spec?.template?.metadata?.labels ?? {};
    const container = dep.spec?.template?.spec?.containers?.[0] ?? {};
    const svc = facts.services.find((s) => s.name === dep.metadata.name);
    const selecting = monitors.filter((m) => matchesSelector(m.spec?.selector, labels));
    if (svc && !selecting.length) problems.push(`Deployment ${svc.name}: no PodMonitor scrapes its ${svc.metricsPath}`);
    for (const m of selecting) {
      const where = `PodMonitor ${m.metadata.name}`;
      if (!svc) {
        problems.push(`${where} selects Deployment ${dep.metadata.name}, which serves no metrics (it would count as down)`);
        continue;
      }
      for (const e of m.spec?.podMetricsEndpoints ?? []) {
        if (resolvePort(container, e.port ?? e.portNumber) !== svc.port) problems.push(`${where}: port ${e.port ?? e.portNumber} of ${svc.name} is not quarkus.http.port ${svc.port}`);
        if ((e.path ?? "/metrics") !== svc.metricsPath) problems.push(`${where}: path ${e.path ?? "/metrics"} differs from ${svc.name}'s metrics path ${svc.metricsPath}`);
      }
      for (const l of ["app.kubernetes.io/name", "app.kubernetes.io/part-of"]) {
        if (!(m.spec?.podTargetLabels ?? []).includes(l)) problems.push(`${where}: podTargetLabels lacks ${l}, which the alerts and the dashboard group by`);
        else if (labels[l] === undefined) problems.push(`Deployment ${svc.name}: its pods have no label ${l} for PodMonitor ${m.metadata.name}`);
      }
    }
  }
  const rules = byKind(objs, "PrometheusRule");
  const expected = parse(read("deploy/prometheus/alerts.yml")).groups;
  if (!rules.length) problems.push("no PrometheusRule with the alert rules of deploy/prometheus/alerts.yml");
  for (const r of rules) {
    if (!isDeepStrictEqual(r.spec?.groups, expected)) {
      problems.push(`PrometheusRule ${r.metadata.name}: its groups differ from deploy/prometheus/alerts.yml (regenerate: node deploy/validation/bin/prometheus-rule.js)`);
    }
  }
  for (const k of byKind(objs, "Kafka")) {
    const where = `Kafka ${k.metadata.name}`;
    const mc = k.spec?.kafka?.metricsConfig;
    if (!mc) {
      problems.push(`${where}: no metricsConfig (the brokers export no metrics)`);
      continue;
    }
    const ref = mc.valueFrom?.configMapKeyRef;
    if (mc.type === "jmxPrometheusExporter") {
      const cm = ref && findConfigMap(objs, ref.name);
      if (!cm?.data?.[ref.key]) problems.push(`${where}: metricsConfig names ConfigMap ${ref?.name} key ${ref?.key}, which is not in the manifests`);
      else {
        try {
          if (!Array.isArray(parse(cm.data[ref.key])?.rules)) problems.push(`ConfigMap ${cm.metadata.name}: ${ref.key} has no JMX exporter rules`);
        } catch (e) {
          problems.push(`ConfigMap ${cm.metadata.name}: ${ref.key} is not YAML: ${e.message}`);
        }
      }
    }
    const brokerLabels = { "strimzi.io/cluster": k.metadata.name, "strimzi.io/kind": "Kafka", "strimzi.io/broker-role": "true" };
    const pm = monitors.find((m) => matchesSelector(m.spec?.selector, brokerLabels));
    if (!pm) problems.push(`${where}: no PodMonitor selects its brokers (strimzi.io/kind: Kafka)`);
    else if (!(pm.spec.podMetricsEndpoints ?? []).some((e) => e.port === "tcp-prometheus")) problems.push(`PodMonitor ${pm.metadata.name}: not on port tcp-prometheus, where Strimzi serves metricsConfig`);
    const admits = byKind(objs, "NetworkPolicy").some((np) => matchesSelector(np.spec?.podSelector, brokerLabels)
      && (np.spec.ingress ?? []).some((i) => (i.ports ?? []).some((p) => p.port === 9404)
        && (i.from ?? []).some((f) => f.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "monitoring")));
    if (!admits) problems.push(`${where}: no NetworkPolicy lets namespace monitoring reach the metrics port 9404`);
  }
}

const BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";
const archiverOf = (cluster) => (cluster.spec?.plugins ?? []).find((p) => p.name === BARMAN_PLUGIN && p.enabled !== false);

/** Wherever backups are configured: the current mechanism, and references that resolve. */
function checkDatabaseBackupsWellFormed(objs, problems) {
  for (const c of byKind(objs, "Cluster")) {
    if (c.spec?.backup?.barmanObjectStore) {
      problems.push(`Cluster ${c.metadata.name}: spec.backup.barmanObjectStore is deprecated (CloudNativePG 1.26): use the Barman Cloud plugin (spec.plugins, an ObjectStore)`);
    }
    const p = archiverOf(c);
    if (p) {
      const store = named(objs, "ObjectStore", p.parameters?.barmanObjectName);
      if (!store) problems.push(`Cluster ${c.metadata.name}: plugin ${BARMAN_PLUGIN} names ObjectStore ${p.parameters?.barmanObjectName}, which is not in the manifests`);
      if (p.isWALArchiver !== true) problems.push(`Cluster ${c.metadata.name}: plugin ${BARMAN_PLUGIN} is not the WAL archiver (no point-in-time recovery)`);
      // The instances reach the object store through their NetworkPolicy.
      const url = store?.spec?.configuration?.endpointURL;
      const port = url ? Number(new URL(url).port || (url.startsWith("https") ? 443 : 80)) : 443;
      const allowed = byKind(objs, "NetworkPolicy").filter((np) => matchesSelector(np.spec?.podSelector, { "cnpg.io/cluster": c.metadata.name }))
        .some((np) => (np.spec.egress ?? []).some((e) => (e.ports ?? []).some((x) => x.port === port) && (!e.to || e.to.some((t) => t.ipBlock))));
      if (store && !allowed) problems.push(`Cluster ${c.metadata.name}: no NetworkPolicy lets its instances reach the object store on port ${port}`);
    }
  }
  for (const b of [...byKind(objs, "ScheduledBackup"), ...byKind(objs, "Backup")]) {
    const where = `${b.kind} ${b.metadata.name}`;
    const c = named(objs, "Cluster", b.spec?.cluster?.name);
    if (!c) problems.push(`${where}: Cluster ${b.spec?.cluster?.name} is not in the manifests`);
    if (b.spec?.method !== "plugin" || b.spec?.pluginConfiguration?.name !== BARMAN_PLUGIN) {
      problems.push(`${where}: method ${b.spec?.method ?? "barmanObjectStore (default)"} is not plugin ${BARMAN_PLUGIN}`);
    } else if (c && !archiverOf(c)) problems.push(`${where}: Cluster ${c.metadata.name} has no ${BARMAN_PLUGIN} plugin to back up with`);
  }
}

/** A production overlay: every database archives its WAL and has a scheduled base backup. */
export function checkBackups(objs) {
  const problems = [];
  for (const c of byKind(objs, "Cluster")) {
    if (!archiverOf(c)) problems.push(`Cluster ${c.metadata.name}: no ${BARMAN_PLUGIN} plugin in spec.plugins (no WAL archive, no backups)`);
    const sb = byKind(objs, "ScheduledBackup").filter((b) => b.spec?.cluster?.name === c.metadata.name && b.spec?.method === "plugin");
    if (!sb.length) problems.push(`Cluster ${c.metadata.name}: no ScheduledBackup (method plugin)`);
  }
  return problems;
}

/**
 * The restore drill (k8s/restore-drill) restores every production database from where production archives it,
 * and never archives into it.
 */
export function checkRestoreDrill(drill, prod) {
  const problems = [];
  const restored = new Set();
  for (const c of byKind(drill, "Cluster")) {
    const where = `restore drill Cluster ${c.metadata.name}`;
    if (archiverOf(c)) problems.push(`${where}: archives WAL (spec.plugins): a drill must never write to a backup store`);
    const source = c.spec?.bootstrap?.recovery?.source;
    const ext = (c.spec?.externalClusters ?? []).find((e) => e.name === source);
    if (!ext?.plugin || ext.plugin.name !== BARMAN_PLUGIN) {
      problems.push(`${where}: bootstrap.recovery.source ${source} is not an external cluster read with ${BARMAN_PLUGIN}`);
      continue;
    }
    const server = ext.plugin.parameters?.serverName;
    const prodCluster = named(prod, "Cluster", server);
    if (!prodCluster) {
      problems.push(`${where}: serverName ${server} is no production Cluster`);
      continue;
    }
    restored.add(server);
    const readStore = named(drill, "ObjectStore", ext.plugin.parameters?.barmanObjectName);
    const writeStore = named(prod, "ObjectStore", archiverOf(prodCluster)?.parameters?.barmanObjectName);
    if (!readStore) problems.push(`${where}: ObjectStore ${ext.plugin.parameters?.barmanObjectName} is not in the drill`);
    else if (writeStore && readStore.spec?.configuration?.destinationPath !== writeStore.spec?.configuration?.destinationPath) {
      problems.push(`${where}: reads ${readStore.spec?.configuration?.destinationPath}, production archives ${server} to ${writeStore.spec?.configuration?.destinationPath}`);
    }
    if (c.spec?.bootstrap?.recovery?.database !== undefined && c.spec.bootstrap.recovery.database !== prodCluster.spec?.bootstrap?.initdb?.database) {
      problems.push(`${where}: database ${c.spec.bootstrap.recovery.database} differs from ${server}'s ${prodCluster.spec?.bootstrap?.initdb?.database}`);
    }
  }
  for (const c of byKind(prod, "Cluster")) if (!restored.has(c.metadata.name)) problems.push(`restore drill: production Cluster ${c.metadata.name} is not restored`);
  return problems;
}

// ---- docker-compose.yml -----------------------------------------------------------------------------

/** Compose environment as a Map (list or mapping form), values as strings. */
function composeEnv(service) {
  const env = new Map();
  const e = service.environment ?? {};
  if (Array.isArray(e)) {
    for (const item of e) {
      const i = item.indexOf("=");
      env.set(i < 0 ? item : item.slice(0, i), i < 0 ? undefined : item.slice(i + 1));
    }
  } else for (const [k, v] of Object.entries(e)) env.set(k, v == null ? undefined : String(v));
  return env;
}

/** The value compose uses when the variable is not set in the shell: ${X:-default} -> default. */
const interpolated = (v) => String(v ?? "").replace(/\$\{[A-Z0-9_]+:?-([^}]*)\}/g, "$1");

const healthUrl = (hc) => {
  const test = Array.isArray(hc?.test) ? hc.test.join(" ") : String(hc?.test ?? "");
  return /https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)(\/[^\s"']*)/.exec(test);
};

/** The files the compose monitoring profile mounts, parsed (tests pass altered copies). */
export const composeMonitoringFiles = () => ({
  prometheus: parse(read("deploy/prometheus/prometheus.yml")),
  datasources: parse(read("deploy/grafana/provisioning/datasources/prometheus.yaml")),
  dashboards: parse(read("deploy/grafana/provisioning/dashboards/trading-signals.yaml")),
});

const composeMounts = (s) => (s.volumes ?? []).map((v) => (typeof v === "string"
  ? { source: v.split(":")[0], target: v.split(":")[1], ro: /:ro$/.test(v) }
  : { source: v.source, target: v.target, ro: v.read_only }));
/** Published ports as { hostIp, host (default of ${VAR:-n}), variable, container }. */
const composePorts = (s) => (s.ports ?? []).map((p) => {
  const m = /^(?:([0-9.]+):)?(?:\$\{([A-Z0-9_]+):-(\d+)\}|(\d+)):(\d+)$/.exec(String(p));
  return m && { hostIp: m[1], variable: m[2], host: Number(m[3] ?? m[4]), container: Number(m[5]) };
}).filter(Boolean);

/** The host's view of the compose stack matches what dev/up offers and dev/demo, dev/signal expect. */
function checkComposeDevStack(services, facts, problems) {
  const dev = facts.devStack;
  for (const [what, p] of [["gateway", dev.gatewayPort], ["Kafka", dev.kafkaPort]]) {
    const defaults = new Set([p.up, p.demo, p.signal].filter((x) => x !== undefined));
    if (defaults.size !== 1) problems.push(`dev scripts: ${p.variable} defaults differ (${[...defaults].join(", ")})`);
  }
  const kafka = services.kafka ?? {};
  const env = composeEnv(kafka);
  const listeners = Object.fromEntries(String(env.get("KAFKA_LISTENERS") ?? "").split(",").map((l) => /^([A-Z_]+):\/\/[^:]*:(\d+)$/.exec(l)).filter(Boolean).map((m) => [m[1], Number(m[2])]));
  const advertised = Object.fromEntries(String(env.get("KAFKA_ADVERTISED_LISTENERS") ?? "").split(",").map((l) => /^([A-Z_]+):\/\/(.+)$/.exec(l)).filter(Boolean).map((m) => [m[1], interpolated(m[2])]));
  const external = Object.keys(listeners).find((n) => /^(localhost|127\.0\.0\.1):\d+$/.test(advertised[n] ?? ""));
  if (!external) problems.push("compose kafka: no listener advertised as localhost: dev/signal and dev/demo cannot reach Kafka from the host");
  else {
    const advPort = Number(advertised[external].split(":")[1]);
    const pub = composePorts(kafka).find((p) => p.container === listeners[external]);
    if (!pub) problems.push(`compose kafka: listener ${external} (port ${listeners[external]}) is not published`);
    else {
      if (pub.hostIp !== "127.0.0.1") problems.push(`compose kafka: listener ${external} is published on ${pub.hostIp ?? "every address"}, not 127.0.0.1 (Kafka here has no authentication)`);
      if (pub.host !== advPort) problems.push(`compose kafka: listener ${external} is advertised on port ${advPort} but published on ${pub.host}`);
      if (pub.host !== dev.kafkaPort.up || (pub.variable && pub.variable !== dev.kafkaPort.variable)) {
        problems.push(`compose kafka: published on ${pub.variable ?? ""} ${pub.host}, dev/signal and dev/demo connect to ${dev.kafkaPort.variable} ${dev.kafkaPort.up}`);
      }
    }
    const map = String(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP") ?? "");
    if (!new RegExp(`(^|,)${external}:PLAINTEXT(,|$)`).test(map)) problems.push(`compose kafka: listener ${external} is not PLAINTEXT in KAFKA_LISTENER_SECURITY_PROTOCOL_MAP (the dev scripts connect without TLS or SASL)`);
  }
  const gw = services.gateway;
  const gwPub = gw && composePorts(gw).find((p) => p.container === Number(composeEnv(gw).get("GATEWAY_PORT")));
  if (gw && (!gwPub || gwPub.host !== dev.gatewayPort.demo || (gwPub.variable && gwPub.variable !== dev.gatewayPort.variable))) {
    problems.push(`compose gateway: not published on ${dev.gatewayPort.variable} ${dev.gatewayPort.demo}, where dev/demo calls it`);
  }
  const aff = services["affiliate-service"];
  if (aff) {
    const affEnv = composeEnv(aff);
    for (const [name, t] of dev.affiliateTerms) {
      const v = affEnv.get(name);
      if (v === undefined) problems.push(`compose affiliate-service: ${name} is not set; dev/up gives the demo ${t.variable} (${t.value})`);
      else if (interpolated(v) !== t.value || !v.includes(t.variable)) problems.push(`compose affiliate-service: ${name} is ${v}, dev/up gives the demo \${${t.variable}:-${t.value}}`);
    }
  }
}

/** The optional monitoring profile: Prometheus scrapes every service with the k8s labels and loads the shipped rules; Grafana shows the shipped dashboard. */
function checkComposeMonitoring(services, facts, files, problems) {
  const prom = services.prometheus;
  const grafana = services.grafana;
  if (!prom) return problems.push("compose: no prometheus service (profile monitoring)");
  if (!grafana) problems.push("compose: no grafana service (profile monitoring)");
  for (const [name, s] of Object.entries(services)) {
    const inProfile = (s.profiles ?? []).includes("monitoring");
    if ((name === "prometheus" || name === "grafana") && !inProfile) problems.push(`compose ${name}: not in profile monitoring (it would always start)`);
    if (!(s.profiles ?? []).length) {
      for (const dep of Object.keys(s.depends_on ?? {})) {
        if ((services[dep]?.profiles ?? []).length) problems.push(`compose ${name}: depends on ${dep}, which only runs in a profile`);
      }
    }
  }
  const config = (prom.command ?? []).map(String).find((c) => c.startsWith("--config.file="))?.slice("--config.file=".length) ?? "/etc/prometheus/prometheus.yml";
  const mounts = composeMounts(prom);
  if (!mounts.some((m) => m.source === "./deploy/prometheus/prometheus.yml" && m.target === config)) problems.push(`compose prometheus: deploy/prometheus/prometheus.yml is not mounted at its --config.file ${config}`);
  const alerts = mounts.find((m) => m.source === "./deploy/prometheus/alerts.yml");
  if (!alerts) problems.push("compose prometheus: deploy/prometheus/alerts.yml (the shipped alert rules) is not mounted");
  else if (!(files.prometheus?.rule_files ?? []).includes(alerts.target)) problems.push(`deploy/prometheus/prometheus.yml: rule_files does not load ${alerts.target}, where compose mounts alerts.yml`);
  const targets = [];
  for (const job of files.prometheus?.scrape_configs ?? []) {
    for (const sc of job.static_configs ?? []) for (const t of sc.targets ?? []) targets.push({ job, target: t, labels: sc.labels ?? {} });
  }
  for (const svc of facts.services) {
    const t = targets.find((x) => x.target === `${svc.name}:${svc.port}`);
    const where = `deploy/prometheus/prometheus.yml: ${svc.name}`;
    if (!t) {
      problems.push(`${where} is not scraped at ${svc.name}:${svc.port} (quarkus.http.port)`);
      continue;
    }
    if ((t.job.metrics_path ?? "/metrics") !== svc.metricsPath) problems.push(`${where}: metrics_path ${t.job.metrics_path ?? "/metrics"} differs from ${svc.metricsPath}`);
    if (t.labels.app_kubernetes_io_name !== svc.name) problems.push(`${where}: label app_kubernetes_io_name is not ${svc.name} (the alerts and the dashboard group by it)`);
    if (t.labels.app_kubernetes_io_part_of !== "trading-signals") problems.push(`${where}: label app_kubernetes_io_part_of is not trading-signals (TradingSignalsServiceDown selects it)`);
    if (!/^trading-signals/.test(t.labels.namespace ?? "")) problems.push(`${where}: label namespace does not start with trading-signals (the alerts and the dashboard select it)`);
  }
  for (const t of targets) {
    const host = t.target.split(":")[0];
    if (!services[host]) problems.push(`deploy/prometheus/prometheus.yml: target ${t.target} is no compose service`);
  }
  if (grafana) {
    const gm = composeMounts(grafana);
    const dash = gm.find((m) => m.source === "./docs/grafana");
    if (!dash) problems.push("compose grafana: docs/grafana (the shipped dashboard) is not mounted");
    if (!gm.some((m) => m.source === "./deploy/grafana/provisioning" && m.target === "/etc/grafana/provisioning")) {
      problems.push("compose grafana: deploy/grafana/provisioning is not mounted at /etc/grafana/provisioning");
    }
    const paths = (files.dashboards?.providers ?? []).map((p) => p.options?.path);
    if (dash && !paths.includes(dash.target)) problems.push(`deploy/grafana/provisioning/dashboards: no provider reads ${dash.target}, where compose mounts docs/grafana`);
    const ds = (files.datasources?.datasources ?? []).find((d) => d.type === "prometheus");
    const pPort = composePorts(prom)[0]?.container ?? 9090;
    if (!ds || ds.url !== `http://prometheus:${pPort}`) problems.push(`deploy/grafana/provisioning/datasources: no prometheus data source at http://prometheus:${pPort}`);
    if (!(grafana.depends_on && "prometheus" in grafana.depends_on)) problems.push("compose grafana: does not wait for prometheus");
  }
}

export function checkCompose(compose, facts, monitoringFiles = composeMonitoringFiles()) {
  const problems = [];
  const services = compose.services ?? {};
  for (const [name, s] of Object.entries(services)) {
    if (!s.healthcheck?.test) problems.push(`compose ${name}: no healthcheck`);
    const deps = s.depends_on ?? {};
    if (Array.isArray(deps)) problems.push(`compose ${name}: depends_on without condition: service_healthy`);
    else for (const [dep, d] of Object.entries(deps)) {
      if (d?.condition !== "service_healthy") problems.push(`compose ${name}: depends_on ${dep} is not condition: service_healthy`);
      if (!services[dep]) problems.push(`compose ${name}: depends on unknown service ${dep}`);
    }
    for (const v of s.volumes ?? []) {
      const src = typeof v === "string" ? v.split(":")[0] : v.source;
      const isPath = /^[./~]/.test(src ?? "");
      if (src && !isPath && !(src in (compose.volumes ?? {}))) problems.push(`compose ${name}: volume ${src} is not a named volume`);
    }
  }

  for (const svc of facts.services) {
    const s = services[svc.name];
    const where = `compose ${svc.name}`;
    if (!s) {
      problems.push(`${where} is missing`);
      continue;
    }
    const build = typeof s.build === "string" ? { context: s.build } : s.build ?? {};
    if (build.context?.replace(/^\.\//, "") !== svc.name || build.dockerfile !== "src/main/docker/Dockerfile.jvm") {
      problems.push(`${where}: not built from ${svc.name}/src/main/docker/Dockerfile.jvm`);
    }
    const hc = healthUrl(s.healthcheck);
    if (!hc) problems.push(`${where}: healthcheck is not an HTTP check`);
    else {
      if (Number(hc[1]) !== svc.port) problems.push(`${where}: healthcheck port ${hc[1]} differs from quarkus.http.port ${svc.port}`);
      if (hc[2] !== svc.health.ready) problems.push(`${where}: healthcheck path ${hc[2]} differs from the readiness path ${svc.health.ready}`);
    }
    const env = composeEnv(s);
    checkEnvNames(where, svc, [...env.keys()], problems);

    const jwt = env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    const mounts = (s.volumes ?? []).map((v) => (typeof v === "string" ? { source: v.split(":")[0], target: v.split(":")[1], ro: /:ro$/.test(v) } : { source: v.source, target: v.target, ro: v.read_only }));
    if (jwt && !mounts.some((m) => m.target === jwt && m.ro && /dev-only-jwt-public\.pem$/.test(m.source))) {
      problems.push(`${where}: MP_JWT_VERIFY_PUBLICKEY_LOCATION ${jwt} is not the dev public key mounted read-only`);
    }
    if (env.has("DEVICE_AUTH_MASTER_KEY") && interpolated(env.get("DEVICE_AUTH_MASTER_KEY")) !== facts.devMasterKey) {
      problems.push(`${where}: DEVICE_AUTH_MASTER_KEY default is not dev/keys/dev-only-device-master-key.hex`);
    }
    const payoutKey = env.get("AFFILIATES_PAYOUT_METHODS_ENCRYPTION_KEY");
    if (payoutKey !== undefined && interpolated(payoutKey) !== facts.devPayoutMethodKey) {
      problems.push(`${where}: AFFILIATES_PAYOUT_METHODS_ENCRYPTION_KEY default is not dev/keys/dev-only-payout-method-key.hex`);
    }
    // Compose runs with the dev-only keys, which a packaged service refuses unless told it is not production.
    if (!/^true$/i.test(String(env.get("PLATFORM_DEV_ONLY_SETTINGS_ALLOWED") ?? ""))) {
      problems.push(`${where}: PLATFORM_DEV_ONLY_SETTINGS_ALLOWED is not "true": the service refuses the dev-only keys this file gives it`);
    }

    // Database: the URLs name a postgres service of this file and its database; credentials match it.
    let dbService;
    for (const key of ["QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL"]) {
      const url = urlParts(env.get(key));
      const db = url && services[url[1]];
      if (!db || !String(db.image ?? "").startsWith("postgres")) {
        problems.push(`${where}: ${key} host is not a PostgreSQL service of this file`);
        continue;
      }
      if (dbService && dbService !== url[1]) problems.push(`${where}: the reactive and JDBC URLs point at different databases`);
      dbService = url[1];
      const dbEnv = composeEnv(db);
      if (dbEnv.get("POSTGRES_DB") !== url[3]) problems.push(`${where}: ${key} names database ${url[3]}, ${url[1]} creates ${dbEnv.get("POSTGRES_DB")}`);
      if (Number(url[2] ?? 5432) !== 5432) problems.push(`${where}: ${key} port ${url[2]} is not PostgreSQL's 5432`);
      if (dbEnv.get("POSTGRES_USER") !== env.get("QUARKUS_DATASOURCE_USERNAME") || dbEnv.get("POSTGRES_PASSWORD") !== env.get("QUARKUS_DATASOURCE_PASSWORD")) {
        problems.push(`${where}: credentials differ from ${url[1]}'s POSTGRES_USER / POSTGRES_PASSWORD`);
      }
    }
    if (dbService && !(s.depends_on && dbService in s.depends_on)) problems.push(`${where}: does not wait for ${dbService}`);
    const boot = hostPort(env.get("KAFKA_BOOTSTRAP_SERVERS"));
    const kafka = boot && services[boot[1]];
    if (!kafka || !String(kafka.image ?? "").startsWith("apache/kafka")) {
      problems.push(`${where}: KAFKA_BOOTSTRAP_SERVERS is not the Kafka service of this file`);
    } else {
      const adv = composeEnv(kafka).get("KAFKA_ADVERTISED_LISTENERS") ?? "";
      if (!adv.includes(`//${boot[1]}:${boot[2]}`)) problems.push(`${where}: KAFKA_BOOTSTRAP_SERVERS ${boot[0]} is not an advertised listener of ${boot[1]}`);
      if (!(s.depends_on && boot[1] in s.depends_on)) problems.push(`${where}: does not wait for ${boot[1]}`);
    }
  }
  // Every service has its own database.
  const dbHosts = facts.services.map((svc) => urlParts(composeEnv(services[svc.name] ?? {}).get("QUARKUS_DATASOURCE_REACTIVE_URL"))?.[1]);
  if (new Set(dbHosts).size !== dbHosts.length) problems.push("compose: services share a PostgreSQL service");

  // Gateway.
  const gw = Object.entries(services).find(([, s]) => String(s.image ?? "").startsWith("nginx"));
  if (!gw) problems.push("compose: no nginx gateway");
  else {
    const [gwName, g] = gw;
    const where = `compose ${gwName}`;
    const env = new Map([...composeEnv(g)].map(([k, v]) => [k, { value: v }]));
    checkGatewayEnv(where, env, facts, (host, port) => {
      const svc = facts.services.find((x) => x.name === host);
      if (!services[host]) return `no compose service ${host}`;
      return svc && svc.port === port ? null : `${host} does not listen on ${port}`;
    }, problems);
    const mounted = (g.volumes ?? []).some((v) => (typeof v === "string" ? v : `${v.source}:${v.target}`).startsWith("./gateway/default.conf.template:/etc/nginx/templates/default.conf.template"));
    if (!mounted) problems.push(`${where}: gateway/default.conf.template is not mounted at /etc/nginx/templates/default.conf.template`);
    const consoleRoot = env.get("CONSOLE_ROOT")?.value;
    const consoleMounted = (g.volumes ?? []).some((v) => (typeof v === "string" ? v : `${v.source}:${v.target}`).startsWith(`./web-console/target/console:${consoleRoot}`));
    if (!consoleMounted) problems.push(`${where}: web-console/target/console is not mounted at CONSOLE_ROOT (${consoleRoot})`);
    const hc = healthUrl(g.healthcheck);
    if (!hc || hc[2] !== "/healthz" || hc[1] !== env.get("GATEWAY_PORT")?.value) {
      problems.push(`${where}: healthcheck is not /healthz on GATEWAY_PORT`);
    }
    for (const svc of facts.services) {
      if (!(g.depends_on && svc.name in g.depends_on)) problems.push(`${where}: does not wait for ${svc.name}`);
    }
  }
  checkComposeDevStack(services, facts, problems);
  checkComposeMonitoring(services, facts, monitoringFiles, problems);
  return problems;
}

// ---- Dockerfiles -------------------------------------------------------------------------------------

export function checkDockerfile(text, svc) {
  const problems = [];
  const where = `${svc.name}/src/main/docker/Dockerfile.jvm`;
  const lines = text.replace(/\\\n/g, " ").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const expose = lines.filter((l) => /^EXPOSE\b/i.test(l)).flatMap((l) => l.split(/\s+/).slice(1)).map((p) => Number(p.split("/")[0]));
  if (!expose.includes(svc.port)) problems.push(`${where}: EXPOSE ${expose.join(" ") || "none"} does not include quarkus.http.port ${svc.port}`);
  const user = lines.filter((l) => /^USER\b/i.test(l)).pop()?.split(/\s+/)[1];
  if (!user || user === "0" || user === "root") problems.push(`${where}: does not switch to a non-root USER`);
  const hc = lines.find((l) => /^HEALTHCHECK\b/i.test(l));
  const url = hc && /https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)(\/\S*)/.exec(hc);
  if (!url) problems.push(`${where}: no HTTP HEALTHCHECK`);
  else {
    if (Number(url[1]) !== svc.port) problems.push(`${where}: HEALTHCHECK port ${url[1]} differs from quarkus.http.port ${svc.port}`);
    if (url[2] !== svc.health.ready) problems.push(`${where}: HEALTHCHECK path ${url[2]} differs from ${svc.health.ready}`);
  }
  if (!lines.some((l) => /^COPY\b.*target\/quarkus-app\/lib\//.test(l))) problems.push(`${where}: does not copy the fast-jar (target/quarkus-app)`);
  return problems;
}
