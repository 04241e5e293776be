// docker-compose.yml follows the Compose Specification and agrees with the services; so do the Dockerfiles.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCompose, composeSchemaProblems } from "../lib/compose.js";
import { allFacts, read } from "../lib/repo.js";
import { checkCompose, checkDockerfile } from "../lib/checks.js";

const facts = allFacts();

test("docker-compose.yml is valid against the Compose Specification schema", () => {
  assert.deepEqual(composeSchemaProblems(parseCompose()), []);
});

test("docker-compose.yml agrees with the services (ports, health, env, databases, Kafka, gateway)", () => {
  assert.deepEqual(checkCompose(parseCompose(), facts), []);
});

test("one PostgreSQL per service, Kafka in KRaft mode from the official image, named volumes", () => {
  const c = parseCompose();
  const pg = Object.entries(c.services).filter(([, s]) => s.image === "postgres:15");
  assert.equal(pg.length, facts.services.length);
  const kafka = c.services.kafka;
  assert.equal(kafka.image, "apache/kafka:4.1.2");
  assert.equal(kafka.environment.KAFKA_PROCESS_ROLES, "broker,controller");
  for (const [, s] of pg) assert.ok(Object.hasOwn(c.volumes, s.volumes[0].split(":")[0]));
});

test("Kafka is reachable from the host on 127.0.0.1:19092 (dev/signal, dev/demo); the monitoring profile is optional", () => {
  const c = parseCompose();
  assert.deepEqual(c.services.kafka.ports, ["127.0.0.1:${DEV_KAFKA_PORT:-19092}:19092"]);
  assert.match(c.services.kafka.environment.KAFKA_ADVERTISED_LISTENERS, /EXTERNAL:\/\/localhost:\$\{DEV_KAFKA_PORT:-19092\}/);
  const always = Object.entries(c.services).filter(([, s]) => !s.profiles).map(([n]) => n).sort();
  assert.deepEqual(always, ["affiliate-db", "affiliate-service", "device-db", "device-service", "execution-db", "execution-service", "gateway", "kafka"]);
  assert.deepEqual(c.services.prometheus.profiles, ["monitoring"]);
  assert.deepEqual(c.services.grafana.profiles, ["monitoring"]);
});

test("the dev scripts agree on the stack's host ports and the demo's terms, which compose offers", () => {
  const dev = facts.devStack;
  assert.equal(dev.kafkaPort.up, 19092);
  assert.equal(dev.kafkaPort.demo, dev.kafkaPort.up);
  assert.equal(dev.kafkaPort.signal, dev.kafkaPort.up);
  assert.equal(dev.gatewayPort.demo, dev.gatewayPort.up);
  assert.deepEqual([...dev.affiliateTerms.keys()].sort(), ["AFFILIATES_HOLDING_PERIOD", "AFFILIATES_MINIMUM_PAYOUT", "AFFILIATES_PAYOUTS_INTERVAL"]);
});

test("a schema violation in docker-compose.yml is reported", () => {
  const c = parseCompose();
  c.services["device-service"].healthcheck.intervall = "10s";
  assert.match(composeSchemaProblems(c).join("\n"), /additional properties: intervall/);
});

for (const s of facts.services) {
  test(`${s.name}'s Dockerfile.jvm: port, non-root user and health check`, () => {
    assert.deepEqual(checkDockerfile(read(`${s.name}/src/main/docker/Dockerfile.jvm`), s), []);
  });
}
