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
