// The checks fail on drift: each test alters one thing in a copy of the rendered manifests or of the compose
// file and expects the checker to name it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { render } from "../lib/k8s.js";
import { parseCompose } from "../lib/compose.js";
import { allFacts, read } from "../lib/repo.js";
import { checkK8s, checkCompose, checkDockerfile, checkProductionSettings, checkBackups, checkRestoreDrill, composeMonitoringFiles } from "../lib/checks.js";

const facts = allFacts();
const rendered = render("k8s/overlays/prod");
const compose = parseCompose();

const k8sCopy = () => structuredClone(rendered);
const find = (objs, kind, name) => objs.find((o) => o.kind === kind && o.metadata.name === name);
const container = (objs, name) => find(objs, "Deployment", name).spec.template.spec.containers[0];
const configMapOf = (objs, svc) => objs.find((o) => o.kind === "ConfigMap" && o.metadata.name.startsWith(`${svc}-config`));
const expectProblem = (problems, re) => assert.ok(problems.some((p) => re.test(p)), `expected ${re} in:\n${problems.join("\n") || "(no problems)"}`);

test("the unaltered manifests and compose file have no problems (baseline)", () => {
  assert.deepEqual(checkK8s(k8sCopy(), facts), []);
  assert.deepEqual(checkCompose(structuredClone(compose), facts), []);
});

test("k8s: a readiness probe on the wrong path", () => {
  const objs = k8sCopy();
  container(objs, "execution-service").readinessProbe.httpGet.path = "/q/health/readiness";
  expectProblem(checkK8s(objs, facts), /execution-service: readinessProbe path \/q\/health\/readiness differs from the service's \/q\/health\/ready/);
});

test("k8s: a liveness probe on another port", () => {
  const objs = k8sCopy();
  container(objs, "device-service").livenessProbe.httpGet.port = 8080;
  expectProblem(checkK8s(objs, facts), /device-service: livenessProbe port 8080 .* differs from quarkus.http.port 8081/);
});

test("k8s: a container port that is not quarkus.http.port", () => {
  const objs = k8sCopy();
  container(objs, "affiliate-service").ports[0].containerPort = 8080;
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /affiliate-service: containerPort 8080 differs from quarkus.http.port 8083/);
  expectProblem(problems, /affiliate-service: readinessProbe port http \(8080\)/);
});

test("k8s: a Service port the gateway does not expect", () => {
  const objs = k8sCopy();
  find(objs, "Service", "device-service").spec.ports[0].port = 80;
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /Service device-service: port 80 differs from quarkus.http.port 8081/);
  expectProblem(problems, /DEVICE_SERVICE_ADDR: Service device-service has no port 8081/);
});

test("k8s: an environment variable name no config key maps to", () => {
  const objs = k8sCopy();
  const cm = configMapOf(objs, "device-service");
  cm.data.QUARKUS_DATASOURCE_REACTIVE_URI = cm.data.QUARKUS_DATASOURCE_REACTIVE_URL;
  delete cm.data.QUARKUS_DATASOURCE_REACTIVE_URL;
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /device-service: QUARKUS_DATASOURCE_REACTIVE_URI is not a config key device-service reads/);
  expectProblem(problems, /device-service: required QUARKUS_DATASOURCE_REACTIVE_URL is not set/);
});

test("k8s: a misspelt variable in a container's env", () => {
  const objs = k8sCopy();
  container(objs, "device-service").env.find((e) => e.name === "DEVICE_AUTH_MASTER_KEY").name = "DEVICE_AUTH_MASTERKEY";
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /DEVICE_AUTH_MASTERKEY is not a config key device-service reads/);
  expectProblem(problems, /device-service: required DEVICE_AUTH_MASTER_KEY is not set/);
});

test("k8s: a secret value written into the manifests", () => {
  const objs = k8sCopy();
  const env = container(objs, "device-service").env.find((e) => e.name === "DEVICE_AUTH_MASTER_KEY");
  delete env.valueFrom;
  env.value = "00".repeat(32);
  objs.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "device-master-key" }, stringData: { "master-key": "x" } });
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /DEVICE_AUTH_MASTER_KEY has a literal value/);
  expectProblem(problems, /Secret device-master-key is in the manifests/);
});

test("k8s: a payments API key or payout-method key written into the manifests", () => {
  const objs = k8sCopy();
  const env = container(objs, "affiliate-service").env;
  for (const name of ["AFFILIATES_PAYMENTS_API_API_KEY", "AFFILIATES_PAYOUT_METHODS_ENCRYPTION_KEY"]) {
    const e = env.find((x) => x.name === name);
    delete e.valueFrom;
    e.value = "ab".repeat(32);
  }
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /AFFILIATES_PAYMENTS_API_API_KEY has a literal value/);
  expectProblem(problems, /AFFILIATES_PAYOUT_METHODS_ENCRYPTION_KEY has a literal value/);
});

test("k8s: the prod overlay given the dev-only opt-in or the simulated bank", () => {
  const objs = k8sCopy();
  configMapOf(objs, "affiliate-service").data.AFFILIATES_PAYOUTS_PROVIDER = "simulated";
  container(objs, "device-service").env.push({ name: "PLATFORM_DEV_ONLY_SETTINGS_ALLOWED", value: "true" });
  const problems = checkProductionSettings(objs);
  expectProblem(problems, /Deployment affiliate-service: AFFILIATES_PAYOUTS_PROVIDER=simulated in a production overlay/);
  expectProblem(problems, /Deployment device-service: PLATFORM_DEV_ONLY_SETTINGS_ALLOWED=true in a production overlay/);
});

test("k8s: a service pointed at another service's database", () => {
  const objs = k8sCopy();
  const cm = configMapOf(objs, "affiliate-service");
  cm.data.QUARKUS_DATASOURCE_JDBC_URL = "jdbc:postgresql://device-db-rw:5432/devices";
  expectProblem(checkK8s(objs, facts), /affiliate-service: the reactive and JDBC URLs point at different databases/);
});

test("k8s: a topic renamed in a KafkaTopic", () => {
  const objs = k8sCopy();
  find(objs, "KafkaTopic", "executions-v1").spec.topicName = "executions.v2";
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /topic executions.v1 .* has no KafkaTopic/);
  expectProblem(problems, /KafkaTopic executions-v1: executions.v2 is neither a topic of Topics.java/);
});

test("k8s: a dead-letter topic a service uses but nobody declared", () => {
  const objs = k8sCopy().filter((o) => !(o.kind === "KafkaTopic" && o.metadata.name === "devices-lifecycle-v1-execution-service-dlq"));
  expectProblem(checkK8s(objs, facts), /topic devices.lifecycle.v1.execution-service.dlq .* has no KafkaTopic/);
});

test("k8s: the gateway's copy of the nginx template drifts from gateway/default.conf.template", () => {
  const objs = k8sCopy();
  const cm = objs.find((o) => o.kind === "ConfigMap" && o.metadata.name.startsWith("gateway-config"));
  cm.data["default.conf.template"] = cm.data["default.conf.template"].replace("client_max_body_size 64k", "client_max_body_size 1m");
  expectProblem(checkK8s(objs, facts), /default.conf.template differs from gateway\/default.conf.template/);
});

test("k8s: the gateway sends a path prefix to the wrong port, or the HTTPRoute exposes a path it does not route", () => {
  const objs = k8sCopy();
  container(objs, "gateway").env.find((e) => e.name === "EXECUTION_SERVICE_ADDR").value = "execution-service:8080";
  find(objs, "HTTPRoute", "gateway").spec.rules[0].matches[0].path.value = "/q";
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /EXECUTION_SERVICE_ADDR port 8080 differs from execution-service's quarkus.http.port 8082/);
  expectProblem(problems, /HTTPRoute gateway: \/q is not a path the gateway routes/);
  expectProblem(problems, /the gateway route \/api\/v1\/devices\/ is not exposed/);
});

test("k8s: the gateway runs plain nginx (no web console), or looks for the console elsewhere", () => {
  const objs = k8sCopy();
  container(objs, "gateway").image = "nginx:1.27-alpine";
  container(objs, "gateway").env.find((e) => e.name === "CONSOLE_ROOT").value = "/srv/console";
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /Deployment gateway: image nginx:1.27-alpine is not tradesignals\/gateway/);
  expectProblem(problems, /Deployment gateway: CONSOLE_ROOT \/srv\/console is not where gateway\/Dockerfile copies the web console/);
});

test("k8s: an HTTPRoute that bypasses the gateway, cuts long polls, names no Gateway here; an Ingress", () => {
  const objs = k8sCopy();
  const route = find(objs, "HTTPRoute", "gateway");
  route.spec.rules[0].backendRefs[0] = { name: "device-service", port: 8081 };
  route.spec.rules[0].timeouts.request = "15s";
  route.spec.hostnames[0] = "other.example";
  objs.push({ apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "gateway" }, spec: { ingressClassName: "nginx" } });
  let problems = checkK8s(objs, facts);
  expectProblem(problems, /HTTPRoute gateway: backend Service device-service bypasses the gateway/);
  expectProblem(problems, /HTTPRoute gateway: timeouts.request 15s does not cover the gateway's 60 s wait/);
  expectProblem(problems, /HTTPRoute gateway: host other.example is accepted by no listener of Gateway trading-signals/);
  expectProblem(problems, /Ingress gateway: route with a Gateway API HTTPRoute instead/);
  route.spec.parentRefs[0].name = "public";
  problems = checkK8s(objs, facts);
  expectProblem(problems, /HTTPRoute gateway: parent Gateway public is not in the manifests/);
});

test("k8s: a replicas field on a Deployment an HPA owns", () => {
  const objs = k8sCopy();
  find(objs, "Deployment", "execution-service").spec.replicas = 3;
  find(objs, "Deployment", "gateway").spec.replicas = 2;
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /Deployment execution-service: replicas 3 is set, but HorizontalPodAutoscaler execution-service owns its scale/);
  expectProblem(problems, /Deployment gateway: replicas 2 is set, but HorizontalPodAutoscaler gateway owns its scale/);
});

test("monitoring: a service no PodMonitor scrapes, a wrong metrics path, the gateway scraped, labels the alerts need", () => {
  const objs = k8sCopy();
  const pm = find(objs, "PodMonitor", "trading-signals-services");
  pm.spec.podMetricsEndpoints[0].path = "/metrics";
  pm.spec.podTargetLabels = ["app.kubernetes.io/name"];
  find(objs, "Deployment", "affiliate-service").spec.template.metadata.labels["app.kubernetes.io/component"] = "backend";
  find(objs, "Deployment", "gateway").spec.template.metadata.labels["app.kubernetes.io/component"] = "service";
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /Deployment affiliate-service: no PodMonitor scrapes its \/q\/metrics/);
  expectProblem(problems, /PodMonitor trading-signals-services: path \/metrics differs from device-service's metrics path \/q\/metrics/);
  expectProblem(problems, /PodMonitor trading-signals-services: podTargetLabels lacks app.kubernetes.io\/part-of/);
  expectProblem(problems, /PodMonitor trading-signals-services selects Deployment gateway, which serves no metrics/);
});

test("monitoring: a PrometheusRule edited by hand instead of deploy/prometheus/alerts.yml", () => {
  const objs = k8sCopy();
  find(objs, "PrometheusRule", "trading-signals-alerts").spec.groups[0].rules[0].for = "10m";
  expectProblem(checkK8s(objs, facts), /PrometheusRule trading-signals-alerts: its groups differ from deploy\/prometheus\/alerts.yml/);
  expectProblem(checkK8s(k8sCopy().filter((o) => o.kind !== "PrometheusRule"), facts), /no PrometheusRule with the alert rules/);
});

test("monitoring: Kafka without metrics, its exporter rules missing, not scraped or not reachable", () => {
  let objs = k8sCopy();
  find(objs, "Kafka", "kafka").spec.kafka.metricsConfig.valueFrom.configMapKeyRef.key = "metrics.yml";
  find(objs, "PodMonitor", "kafka").spec.selector.matchLabels["strimzi.io/kind"] = "KafkaConnect";
  objs = objs.filter((o) => !(o.kind === "NetworkPolicy" && o.metadata.name === "kafka-metrics"));
  let problems = checkK8s(objs, facts);
  expectProblem(problems, /Kafka kafka: metricsConfig names ConfigMap kafka-metrics key metrics.yml, which is not in the manifests/);
  expectProblem(problems, /Kafka kafka: no PodMonitor selects its brokers/);
  expectProblem(problems, /Kafka kafka: no NetworkPolicy lets namespace monitoring reach the metrics port 9404/);
  delete find(objs, "Kafka", "kafka").spec.kafka.metricsConfig;
  problems = checkK8s(objs, facts);
  expectProblem(problems, /Kafka kafka: no metricsConfig/);
});

test("backups: the deprecated barmanObjectStore, a plugin naming no ObjectStore, a ScheduledBackup of another method", () => {
  const objs = k8sCopy();
  const device = find(objs, "Cluster", "device-db");
  device.spec.backup = { barmanObjectStore: { destinationPath: "s3://b/device-db" } };
  find(objs, "Cluster", "execution-db").spec.plugins[0].parameters.barmanObjectName = "execution-backups";
  find(objs, "ScheduledBackup", "affiliate-db-nightly").spec.method = "barmanObjectStore";
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /Cluster device-db: spec.backup.barmanObjectStore is deprecated/);
  expectProblem(problems, /Cluster execution-db: plugin barman-cloud.cloudnative-pg.io names ObjectStore execution-backups, which is not in the manifests/);
  expectProblem(problems, /ScheduledBackup affiliate-db-nightly: method barmanObjectStore is not plugin barman-cloud.cloudnative-pg.io/);
});

test("backups: a database without the plugin or without a ScheduledBackup; an object store its pods cannot reach", () => {
  const objs = k8sCopy().filter((o) => !(o.kind === "ScheduledBackup" && o.metadata.name === "device-db-nightly"));
  delete find(objs, "Cluster", "execution-db").spec.plugins;
  find(objs, "ObjectStore", "affiliate-db-backups").spec.configuration.endpointURL = "http://minio.storage:9000";
  expectProblem(checkBackups(objs), /Cluster device-db: no ScheduledBackup/);
  expectProblem(checkBackups(objs), /Cluster execution-db: no barman-cloud.cloudnative-pg.io plugin/);
  expectProblem(checkK8s(objs, facts), /Cluster affiliate-db: no NetworkPolicy lets its instances reach the object store on port 9000/);
});

test("restore drill: archiving into production's store, reading another path, leaving a database out", () => {
  const drill = render("k8s/restore-drill");
  find(drill, "Cluster", "device-db-restored").spec.plugins = [{ name: "barman-cloud.cloudnative-pg.io", isWALArchiver: true, parameters: { barmanObjectName: "device-db-backups" } }];
  find(drill, "ObjectStore", "execution-db-backups").spec.configuration.destinationPath = "s3://old-bucket/execution-db";
  const withoutAffiliate = drill.filter((o) => !(o.kind === "Cluster" && o.metadata.name === "affiliate-db-restored"));
  const problems = checkRestoreDrill(withoutAffiliate, rendered);
  expectProblem(problems, /restore drill Cluster device-db-restored: archives WAL/);
  expectProblem(problems, /restore drill Cluster execution-db-restored: reads s3:\/\/old-bucket\/execution-db, production archives execution-db to s3:\/\/trading-signals-backups\/execution-db/);
  expectProblem(problems, /restore drill: production Cluster affiliate-db is not restored/);
});

test("k8s: the HPA's pods metric is not a gauge the service registers", () => {
  const objs = k8sCopy();
  const hpa = find(objs, "HorizontalPodAutoscaler", "device-service");
  hpa.spec.metrics.find((m) => m.type === "Pods").pods.metric.name = "device_parked_polls";
  expectProblem(checkK8s(objs, facts), /pods metric device_parked_polls is not a gauge device-service registers/);
});

test("k8s: a writable root filesystem, a mounted token, a NetworkPolicy reaching another database", () => {
  const objs = k8sCopy();
  container(objs, "device-service").securityContext.readOnlyRootFilesystem = false;
  find(objs, "ServiceAccount", "execution-service").automountServiceAccountToken = true;
  find(objs, "NetworkPolicy", "affiliate-service").spec.egress[0].to[0].podSelector.matchLabels["cnpg.io/cluster"] = "device-db";
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /device-service: the root filesystem is not read-only/);
  expectProblem(problems, /execution-service: the service account token is mounted/);
  expectProblem(problems, /NetworkPolicy affiliate-service: egress to databases device-db, expected only affiliate-db/);
});

const aclsOf = (objs, user) => find(objs, "KafkaUser", user).spec.authorization.acls;
const topicAcl = (objs, user, topic) => aclsOf(objs, user).find((a) => a.resource.type === "topic" && a.resource.name === topic);

test("kafka: a service that cannot write its dead letters, or has lost its group", () => {
  const objs = k8sCopy();
  const acls = aclsOf(objs, "execution-service");
  acls.splice(acls.indexOf(topicAcl(objs, "execution-service", "signals.v1.execution-service.dlq")), 1);
  acls.find((a) => a.resource.type === "group").resource.name = "executions";
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /KafkaUser execution-service: lacks topic signals.v1.execution-service.dlq: Write/);
  expectProblem(problems, /KafkaUser execution-service: lacks group execution-service: Read/);
  expectProblem(problems, /KafkaUser execution-service: has group executions: Read, which it does not need/);
});

test("kafka: a service that may write a topic it does not own, or read one it does not consume", () => {
  const objs = k8sCopy();
  aclsOf(objs, "affiliate-service").push({ resource: { type: "topic", name: "executions.v1", patternType: "literal" }, operations: ["Write"] });
  aclsOf(objs, "device-service").push({ resource: { type: "topic", name: "affiliates.v1", patternType: "literal" }, operations: ["Read", "Describe"] });
  aclsOf(objs, "device-service").push({ resource: { type: "topic", name: "devices.", patternType: "prefix" }, operations: ["Write"] });
  topicAcl(objs, "signals-api", "signals.v1").operations.push("Create");
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /KafkaUser affiliate-service: has topic executions.v1: Write, which it does not need/);
  expectProblem(problems, /KafkaUser device-service: has topic affiliates.v1: Read, which it does not need/);
  expectProblem(problems, /KafkaUser device-service: has topic devices. \(prefix\): Write, which it does not need/);
  expectProblem(problems, /KafkaUser signals-api: has topic signals.v1: Create, which it does not need/);
  assert.ok(!problems.some((p) => /affiliates.v1: Describe/.test(p)), "Describe beside Read is implied, not reported");
});

test("kafka: the ACLs follow the services' configuration (a new consumer needs its permissions)", () => {
  const moved = structuredClone(facts);
  moved.services.find((s) => s.name === "device-service").incoming.push({ channel: "executions", topic: "executions.v1", dlq: "executions.v1.device-service.dlq", group: "device-service" });
  const problems = checkK8s(k8sCopy(), moved);
  expectProblem(problems, /KafkaUser device-service: lacks topic executions.v1: Read/);
  expectProblem(problems, /KafkaUser device-service: lacks topic executions.v1.device-service.dlq: Write/);
  expectProblem(problems, /KafkaUser dlq-reader: lacks topic executions.v1.device-service.dlq: Read/);
});

test("kafka: a listener without authentication, no authorizer, a super user, an unknown user", () => {
  const objs = k8sCopy();
  const kafka = find(objs, "Kafka", "kafka");
  delete kafka.spec.kafka.listeners[0].authentication;
  kafka.spec.kafka.authorization = { type: "simple", superUsers: ["device-service"] };
  objs.push({ apiVersion: "kafka.strimzi.io/v1", kind: "KafkaUser", metadata: { name: "admin", labels: { "strimzi.io/cluster": "kafka" } },
    spec: { authentication: { type: "scram-sha-512" }, authorization: { type: "simple", acls: [] } } });
  let problems = checkK8s(objs, facts);
  expectProblem(problems, /Kafka kafka: listener plain \(port 9092\) has no authentication/);
  expectProblem(problems, /Kafka kafka: superUsers device-service/);
  expectProblem(problems, /KafkaUser admin is neither a service nor a known external user/);
  delete kafka.spec.kafka.authorization;
  problems = checkK8s(objs, facts);
  expectProblem(problems, /Kafka kafka: no authorization/);
});

test("kafka: a service without its credentials, with another's, or with the wrong protocol", () => {
  const objs = k8sCopy();
  container(objs, "device-service").env.find((e) => e.name === "KAFKA_SASL_JAAS_CONFIG").valueFrom.secretKeyRef.name = "execution-service";
  configMapOf(objs, "execution-service").data.KAFKA_SECURITY_PROTOCOL = "PLAINTEXT";
  const jaas = container(objs, "affiliate-service").env.find((e) => e.name === "KAFKA_SASL_JAAS_CONFIG");
  delete jaas.valueFrom;
  jaas.value = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="affiliate-service" password="x";';
  const problems = checkK8s(objs, facts);
  expectProblem(problems, /Deployment device-service: KAFKA_SASL_JAAS_CONFIG does not come from Secret device-service/);
  expectProblem(problems, /Deployment execution-service: KAFKA_SECURITY_PROTOCOL is PLAINTEXT, listener plain needs SASL_PLAINTEXT/);
  expectProblem(problems, /Deployment affiliate-service: KAFKA_SASL_JAAS_CONFIG has a literal value/);
});

test("compose: a health check on the wrong port or path", () => {
  const c = structuredClone(compose);
  c.services["device-service"].healthcheck.test = ["CMD", "curl", "-f", "http://127.0.0.1:8080/q/health/ready"];
  c.services["affiliate-service"].healthcheck.test = ["CMD", "curl", "-f", "http://127.0.0.1:8083/health"];
  const problems = checkCompose(c, facts);
  expectProblem(problems, /compose device-service: healthcheck port 8080 differs from quarkus.http.port 8081/);
  expectProblem(problems, /compose affiliate-service: healthcheck path \/health differs from the readiness path \/q\/health\/ready/);
});

test("compose: an environment variable name no config key maps to", () => {
  const c = structuredClone(compose);
  const env = c.services["execution-service"].environment;
  env.KAFKA_BOOTSTRAP_SERVER = env.KAFKA_BOOTSTRAP_SERVERS;
  delete env.KAFKA_BOOTSTRAP_SERVERS;
  const problems = checkCompose(c, facts);
  expectProblem(problems, /compose execution-service: KAFKA_BOOTSTRAP_SERVER is not a config key execution-service reads/);
  expectProblem(problems, /compose execution-service: required KAFKA_BOOTSTRAP_SERVERS is not set/);
});

test("compose: a service without the dev-only opt-in, or another payout-method key", () => {
  const c = structuredClone(compose);
  delete c.services["execution-service"].environment.PLATFORM_DEV_ONLY_SETTINGS_ALLOWED;
  c.services["affiliate-service"].environment.AFFILIATES_PAYOUT_METHODS_ENCRYPTION_KEY = "ab".repeat(32);
  const problems = checkCompose(c, facts);
  expectProblem(problems, /compose execution-service: PLATFORM_DEV_ONLY_SETTINGS_ALLOWED is not "true"/);
  expectProblem(problems, /compose affiliate-service: AFFILIATES_PAYOUT_METHODS_ENCRYPTION_KEY default is not dev\/keys\/dev-only-payout-method-key.hex/);
});

test("compose: the gateway without the web console's files", () => {
  const c = structuredClone(compose);
  c.services.gateway.volumes = c.services.gateway.volumes.filter((v) => !String(v).startsWith("./web-console/"));
  expectProblem(checkCompose(c, facts), /compose gateway: web-console\/target\/console is not mounted at CONSOLE_ROOT/);
});

test("compose: gateway upstream port, database name and start order drift", () => {
  const c = structuredClone(compose);
  c.services.gateway.environment.AFFILIATE_SERVICE_ADDR = "affiliate-service:8084";
  c.services["device-service"].environment.QUARKUS_DATASOURCE_JDBC_URL = "jdbc:postgresql://device-db:5432/device";
  c.services["execution-service"].depends_on.kafka.condition = "service_started";
  const problems = checkCompose(c, facts);
  expectProblem(problems, /AFFILIATE_SERVICE_ADDR port 8084 differs from affiliate-service's quarkus.http.port 8083/);
  expectProblem(problems, /QUARKUS_DATASOURCE_JDBC_URL names database device, device-db creates devices/);
  expectProblem(problems, /compose execution-service: depends_on kafka is not condition: service_healthy/);
});

test("compose: Kafka not reachable from the host as dev/signal and dev/demo expect; the gateway on another port", () => {
  const c = structuredClone(compose);
  c.services.kafka.ports = ["19093:19092"];
  c.services.gateway.ports = ["127.0.0.1:8088:8080"];
  let problems = checkCompose(c, facts);
  expectProblem(problems, /compose kafka: listener EXTERNAL is published on every address, not 127.0.0.1/);
  expectProblem(problems, /compose kafka: listener EXTERNAL is advertised on port 19092 but published on 19093/);
  expectProblem(problems, /compose kafka: published on +19093, dev\/signal and dev\/demo connect to DEV_KAFKA_PORT 19092/);
  expectProblem(problems, /compose gateway: not published on DEV_GATEWAY_PORT 8080/);
  c.services.kafka.environment.KAFKA_ADVERTISED_LISTENERS = "PLAINTEXT://kafka:9092,EXTERNAL://kafka:19092";
  problems = checkCompose(c, facts);
  expectProblem(problems, /compose kafka: no listener advertised as localhost/);
});

test("compose: the demo's programme terms missing or different from dev/up's", () => {
  const c = structuredClone(compose);
  delete c.services["affiliate-service"].environment.AFFILIATES_HOLDING_PERIOD;
  c.services["affiliate-service"].environment.AFFILIATES_MINIMUM_PAYOUT = "50.00";
  const problems = checkCompose(c, facts);
  expectProblem(problems, /compose affiliate-service: AFFILIATES_HOLDING_PERIOD is not set; dev\/up gives the demo DEV_AFFILIATES_HOLDING_PERIOD \(PT0S\)/);
  expectProblem(problems, /compose affiliate-service: AFFILIATES_MINIMUM_PAYOUT is 50.00, dev\/up gives the demo \$\{DEV_AFFILIATES_MINIMUM_PAYOUT:-1.00\}/);
});

test("compose monitoring: outside its profile, a service unscraped or without the k8s labels, rules or dashboard not loaded", () => {
  const c = structuredClone(compose);
  delete c.services.prometheus.profiles;
  c.services["device-service"].depends_on.grafana = { condition: "service_healthy" };
  c.services.grafana.volumes = c.services.grafana.volumes.filter((v) => !v.startsWith("./docs/grafana"));
  const files = composeMonitoringFiles();
  files.prometheus.rule_files = ["/etc/prometheus/rules/*.yml"];
  files.prometheus.scrape_configs[0].static_configs = files.prometheus.scrape_configs[0].static_configs.filter((sc) => sc.targets[0] !== "affiliate-service:8083");
  files.prometheus.scrape_configs[0].static_configs[0].labels.app_kubernetes_io_name = "devices";
  files.prometheus.scrape_configs[0].static_configs[0].targets = ["device-service:8080"];
  files.prometheus.scrape_configs[0].static_configs[1].labels.namespace = "compose";
  const problems = checkCompose(c, facts, files);
  expectProblem(problems, /compose prometheus: not in profile monitoring/);
  expectProblem(problems, /compose device-service: depends on grafana, which only runs in a profile/);
  expectProblem(problems, /compose grafana: docs\/grafana \(the shipped dashboard\) is not mounted/);
  expectProblem(problems, /rule_files does not load \/etc\/prometheus\/alerts.yml/);
  expectProblem(problems, /prometheus.yml: affiliate-service is not scraped at affiliate-service:8083/);
  expectProblem(problems, /prometheus.yml: device-service is not scraped at device-service:8081/);
  expectProblem(problems, /prometheus.yml: execution-service: label namespace does not start with trading-signals/);
});

test("Dockerfile: EXPOSE and HEALTHCHECK on a port that is not quarkus.http.port", () => {
  const device = facts.services.find((s) => s.name === "device-service");
  const text = read("device-service/src/main/docker/Dockerfile.jvm").replaceAll("8081", "8080").replace(/^USER 185$/m, "USER root");
  const problems = checkDockerfile(text, device);
  expectProblem(problems, /EXPOSE 8080 does not include quarkus.http.port 8081/);
  expectProblem(problems, /HEALTHCHECK port 8080 differs/);
  expectProblem(problems, /does not switch to a non-root USER/);
});

test("facts follow the services: a changed quarkus.http.port makes the unchanged manifests drift", () => {
  const moved = structuredClone(facts);
  const exec = moved.services.find((s) => s.name === "execution-service");
  exec.port = 9090;
  // structuredClone drops nothing the checks need (Sets and Maps are cloned).
  const problems = checkK8s(k8sCopy(), moved);
  expectProblem(problems, /execution-service: containerPort 8082 differs from quarkus.http.port 9090/);
  expectProblem(problems, /execution-service: readinessProbe port http \(8082\) differs from quarkus.http.port 9090/);
  expectProblem(checkCompose(structuredClone(compose), moved), /compose execution-service: healthcheck port 8082 differs from quarkus.http.port 9090/);
});
