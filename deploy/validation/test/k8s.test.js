// Every overlay renders with kubectl kustomize, every object is valid against its API schema, and the result
// agrees with what the services read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { overlays, render, schemaProblems, kubectlVersion, KUBERNETES_SCHEMA_VERSION } from "../lib/k8s.js";
import { allFacts } from "../lib/repo.js";
import { checkK8s, checkProductionSettings, checkBackups, checkRestoreDrill } from "../lib/checks.js";

const facts = allFacts();

test(`tools: kubectl with kustomize; schemas of Kubernetes ${KUBERNETES_SCHEMA_VERSION}`, () => {
  assert.match(kubectlVersion(), /Kustomize Version: v[4-9]\./);
});

test("there are dev and prod overlays", () => {
  assert.deepEqual(overlays(), ["dev", "prod"]);
});

for (const overlay of overlays()) {
  test(`overlay ${overlay}: every object is valid against its schema`, async () => {
    const objs = render(`k8s/overlays/${overlay}`);
    assert.ok(objs.length > 40, `${objs.length} objects`);
    const problems = (await Promise.all(objs.map(schemaProblems))).flat();
    assert.deepEqual(problems, []);
  });

  test(`overlay ${overlay}: agrees with the services (ports, probes, env, topics, gateway)`, () => {
    assert.deepEqual(checkK8s(render(`k8s/overlays/${overlay}`), facts), []);
  });

  test(`overlay ${overlay}: has the kinds an operator expects`, () => {
    const kinds = new Set(render(`k8s/overlays/${overlay}`).map((o) => o.kind));
    for (const k of ["Namespace", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap",
      "ServiceAccount", "NetworkPolicy", "Gateway", "HTTPRoute", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster",
      "PodMonitor", "PrometheusRule"]) {
      assert.ok(kinds.has(k), k);
    }
    assert.ok(!kinds.has("Ingress"), "routing is an HTTPRoute, not an Ingress");
  });
}

test("prod has no dev-only settings (the opt-in for dev keys, the simulated bank); dev has both", () => {
  assert.deepEqual(checkProductionSettings(render("k8s/overlays/prod")), []);
  assert.equal(checkProductionSettings(render("k8s/overlays/dev")).length, 4);
});

test("prod pays through the payments API, with its key and the payout-method key from Secrets", () => {
  const objs = render("k8s/overlays/prod");
  const env = objs.find((o) => o.kind === "Deployment" && o.metadata.name === "affiliate-service").spec.template.spec.containers[0].env;
  const secretOf = (name) => env.find((e) => e.name === name)?.valueFrom?.secretKeyRef?.name;
  assert.equal(secretOf("AFFILIATES_PAYOUT_METHODS_ENCRYPTION_KEY"), "payout-method-key");
  assert.equal(secretOf("AFFILIATES_PAYOUT_METHODS_ENCRYPTION_KEY_ID"), "payout-method-key");
  assert.equal(secretOf("AFFILIATES_PAYMENTS_API_API_KEY"), "payments-api");
  const config = objs.find((o) => o.kind === "ConfigMap" && o.metadata.name.startsWith("affiliate-service-config"));
  assert.equal(config.data.AFFILIATES_PAYOUTS_PROVIDER, "http");
  assert.match(config.data.AFFILIATES_PAYMENTS_API_URL, /^https:\/\//);
});

test("Kafka requires SCRAM-SHA-512 and ACLs in every overlay; each service logs in with its own KafkaUser", () => {
  for (const overlay of overlays()) {
    const objs = render(`k8s/overlays/${overlay}`);
    const kafka = objs.find((o) => o.kind === "Kafka");
    assert.deepEqual(kafka.spec.kafka.listeners.map((l) => l.authentication?.type), ["scram-sha-512"], overlay);
    assert.equal(kafka.spec.kafka.authorization.type, "simple", overlay);
    assert.equal(kafka.spec.kafka.authorization.superUsers, undefined, overlay);
    const users = objs.filter((o) => o.kind === "KafkaUser").map((u) => u.metadata.name).sort();
    assert.deepEqual(users, ["affiliate-service", "device-service", "dlq-reader", "execution-service", "signals-api"], overlay);
    for (const svc of facts.services) {
      const dep = objs.find((o) => o.kind === "Deployment" && o.metadata.name === svc.name);
      const jaas = dep.spec.template.spec.containers[0].env.find((e) => e.name === "KAFKA_SASL_JAAS_CONFIG");
      assert.deepEqual(jaas.valueFrom.secretKeyRef, { name: svc.name, key: "sasl.jaas.config" }, `${overlay} ${svc.name}`);
    }
  }
});

test("prod scales device-service on parked polls as well as CPU", () => {
  const hpa = render("k8s/overlays/prod").find((o) => o.kind === "HorizontalPodAutoscaler" && o.metadata.name === "device-service");
  assert.deepEqual(hpa.spec.metrics.map((m) => m.type), ["Resource", "Pods"]);
});

test("prod backs up every database with the Barman Cloud plugin; dev has no backups", () => {
  const prod = render("k8s/overlays/prod");
  assert.deepEqual(checkBackups(prod), []);
  assert.deepEqual(prod.filter((o) => o.kind === "ScheduledBackup").map((b) => b.spec.cluster.name).sort(), ["affiliate-db", "device-db", "execution-db"]);
  assert.equal(prod.filter((o) => o.kind === "ObjectStore").length, 3);
  assert.equal(checkBackups(render("k8s/overlays/dev")).length, 6);
});

test("no Deployment an HPA scales sets replicas, in any overlay", () => {
  for (const overlay of overlays()) {
    const objs = render(`k8s/overlays/${overlay}`);
    for (const hpa of objs.filter((o) => o.kind === "HorizontalPodAutoscaler")) {
      const dep = objs.find((o) => o.kind === "Deployment" && o.metadata.name === hpa.spec.scaleTargetRef.name);
      assert.equal(dep.spec.replicas, undefined, `${overlay} ${dep.metadata.name}`);
    }
  }
});

test("the restore drill renders, validates, and restores every production database from where it is archived", async () => {
  const drill = render("k8s/restore-drill");
  assert.deepEqual((await Promise.all(drill.map(schemaProblems))).flat(), []);
  assert.deepEqual(checkRestoreDrill(drill, render("k8s/overlays/prod")), []);
  assert.ok(drill.every((o) => o.kind === "Namespace" || o.metadata.namespace === "trading-signals-restore-drill"));
});

test("an unknown kind is an error, not skipped", async () => {
  assert.match((await schemaProblems({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } }))[0], /unknown kind/);
  assert.match((await schemaProblems({ apiVersion: "apps/v1", kind: "Deploymnet", metadata: { name: "w" } }))[0], /unknown kind/);
});

test("a schema violation is an error, for Kubernetes and for the operators' resources", async () => {
  assert.match((await schemaProblems({ apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { ports: [{ port: "http" }] } }))[0], /port must be integer/);
  assert.match((await schemaProblems({ apiVersion: "kafka.strimzi.io/v1", kind: "Kafka", metadata: { name: "k" }, spec: { kafka: {} } }))[0], /listeners/);
  assert.match((await schemaProblems({ apiVersion: "postgresql.cnpg.io/v1", kind: "Cluster", metadata: { name: "c" }, spec: { instances: "3" } }))[0], /instances must be integer/);
  assert.match((await schemaProblems({ apiVersion: "postgresql.cnpg.io/v1", kind: "ScheduledBackup", metadata: { name: "b" },
    spec: { schedule: "0 0 2 * * *", cluster: { name: "c" }, method: "barman-cloud" } }))[0], /method must be equal to one of the allowed values/);
  assert.match((await schemaProblems({ apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "r" },
    spec: { rules: [{ matches: [{ path: { type: "Prefix", value: "/a" } }] }] } }))[0], /type must be equal to one of the allowed values/);
  assert.match((await schemaProblems({ apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", metadata: { name: "p" },
    spec: { groups: [{ rules: [] }] } }))[0], /groups\/0 must have required property name/);
});

test("the Barman Cloud ObjectStore is validated strictly against the plugin's published CRD", async () => {
  const store = render("k8s/overlays/prod").find((o) => o.kind === "ObjectStore");
  assert.deepEqual(await schemaProblems(store), []);
  const bad = structuredClone(store);
  bad.spec.configuration.s3Credential = bad.spec.configuration.s3Credentials;
  delete bad.spec.configuration.s3Credentials;
  bad.spec.retentionPolicy = "30 days";
  const problems = (await schemaProblems(bad)).join("\n");
  assert.match(problems, /additional properties: s3Credential/);
  assert.match(problems, /retentionPolicy must match pattern/);
});
