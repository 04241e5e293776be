// The facts the checks compare against are read from the repository, not written down twice.
import { test } from "node:test";
import assert from "node:assert/strict";
import { allFacts, parseProperties, serviceFacts, unknownEnv, envNameOf, gatewayTemplateVars, read, eventTypes } from "../lib/repo.js";
import { expectedGrants } from "../lib/checks.js";

const facts = allFacts();
const svc = (name) => facts.services.find((s) => s.name === name);

test("finds the three services with the ports of their application.properties", () => {
  assert.deepEqual(facts.services.map((s) => s.name), ["affiliate-service", "device-service", "execution-service"]);
  for (const s of facts.services) {
    const props = parseProperties(read(`${s.name}/src/main/resources/application.properties`));
    assert.equal(s.port, Number(props.get("quarkus.http.port")), s.name);
  }
});

test("health and metrics paths are Quarkus' defaults unless the properties move them", () => {
  for (const s of facts.services) {
    assert.deepEqual(s.health, { live: "/q/health/live", ready: "/q/health/ready", started: "/q/health/started" });
    assert.equal(s.metricsPath, "/q/metrics");
  }
});

test("properties parsing handles profiles, separators and continuations", () => {
  const p = parseProperties("a.b=1\n%test.a.b = 2\nc : x\\\n  y\n# comment\n! other\nd e\n");
  assert.deepEqual([...p], [["a.b", "1"], ["%test.a.b", "2"], ["c", "xy"], ["d", "e"]]);
});

test("environment names map to the config keys a service reads", () => {
  const device = svc("device-service");
  assert.equal(envNameOf("devices.max-per-user"), "DEVICES_MAX_PER_USER");
  assert.equal(unknownEnv(device, "DEVICES_MAX_PER_USER"), null, "@ConfigMapping member");
  assert.equal(unknownEnv(device, "DEVICE_AUTH_CLOCK_SKEW"), null, "platform @ConfigMapping member");
  assert.equal(unknownEnv(device, "QUARKUS_DATASOURCE_REACTIVE_URL"), null, "framework key");
  assert.equal(unknownEnv(device, "QUARKUS_HTTP_PORT"), null, "key of application.properties");
  assert.equal(unknownEnv(device, "JAVA_MAX_MEM_RATIO"), null, "base image variable");
  assert.match(unknownEnv(device, "DEVICES_MAX_PER_USR"), /not a config key/);
  assert.match(unknownEnv(svc("affiliate-service"), "DEVICES_MAX_PER_USER"), /not a config key affiliate-service reads/);
});

test("the device master key is required exactly where device keys are derived or verified", () => {
  for (const s of facts.services) {
    assert.equal(s.requiredEnv.has("DEVICE_AUTH_MASTER_KEY"), s.needsMasterKey, s.name);
  }
  assert.ok(svc("device-service").needsMasterKey);
  assert.ok(!svc("affiliate-service").needsMasterKey);
});

test("every consumer declares its dead-letter topic as <topic>.<service>.dlq", () => {
  for (const s of facts.services) {
    for (const i of s.incoming) assert.equal(i.dlq, `${i.topic}.${s.name}.dlq`, `${s.name} channel ${i.channel}`);
  }
  assert.deepEqual(facts.topics.sort(), ["affiliates.v1", "devices.lifecycle.v1", "executions.v1", "signals.v1"]);
});

test("each service writes the topic Topics.java says it publishes, and only that one", () => {
  assert.equal(eventTypes().length, (read("shared-contracts/src/main/java/com/tradesignals/contracts/events/EventType.java").match(/\.class\)/g) ?? []).length);
  assert.ok(eventTypes().every((t) => facts.topics.includes(t.topic)), "every EventType names a topic of Topics.java");
  for (const s of facts.services) {
    const owned = [...facts.publishers].filter(([, by]) => by === s.name).map(([t]) => t);
    assert.deepEqual(s.produces, owned, s.name);
  }
  assert.equal(facts.publishers.get("signals.v1"), "upstream Signals API");
});

test("consumer groups default to the application name", () => {
  for (const s of facts.services) for (const i of s.incoming) assert.equal(i.group, s.name, `${s.name} channel ${i.channel}`);
});

test("the Kafka permissions a service needs, from its configuration", () => {
  assert.deepEqual([...expectedGrants(svc("affiliate-service"))].sort(), [
    "cluster kafka-cluster: IdempotentWrite",
    "group affiliate-service: Read",
    "topic affiliates.v1: Write",
    "topic devices.lifecycle.v1.affiliate-service.dlq: Write",
    "topic devices.lifecycle.v1: Read",
    "topic executions.v1.affiliate-service.dlq: Write",
    "topic executions.v1: Read",
  ]);
  assert.deepEqual([...expectedGrants(svc("device-service"))].sort(), [
    "cluster kafka-cluster: IdempotentWrite",
    "group device-service: Read",
    "topic devices.lifecycle.v1: Write",
    "topic signals.v1.device-service.dlq: Write",
    "topic signals.v1: Read",
  ]);
});

test("Kafka client security variables map to the kafka.* client properties", () => {
  for (const name of ["KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG"]) {
    for (const s of facts.services) assert.equal(unknownEnv(s, name), null, `${s.name} ${name}`);
  }
});

test("the gateway template's variables", () => {
  assert.deepEqual([...gatewayTemplateVars()].sort(), [
    "AFFILIATE_SERVICE_ADDR", "CONSOLE_ROOT", "DEVICE_SERVICE_ADDR", "EXECUTION_SERVICE_ADDR", "GATEWAY_BURST", "GATEWAY_DEVICE_BURST",
    "GATEWAY_PORT", "GATEWAY_RATE_PER_CLIENT", "GATEWAY_RATE_PER_DEVICE", "GATEWAY_RATE_PER_USER", "GATEWAY_TRUSTED_PROXIES",
    "GATEWAY_USER_BURST",
  ]);
});

test("a service's facts are stable between calls", () => {
  assert.deepEqual([...serviceFacts("device-service").requiredEnv], [...svc("device-service").requiredEnv]);
});
