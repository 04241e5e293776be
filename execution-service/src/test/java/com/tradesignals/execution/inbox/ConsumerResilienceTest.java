package com.tradesignals.execution.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.testsupport.PostgresServer;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Consumers wait out a database outage and dead-letter only what can never be processed, saying why. */
@QuarkusTest
class ConsumerResilienceTest {

    private static final String CONSUMER = "devices-lifecycle";
    private static final String DEAD_LETTERS = Topics.deadLetterTopic(Topics.DEVICES_LIFECYCLE, "execution-service");

    @Inject
    Pool database;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    @Test
    void eventsThatArriveWhileTheDatabaseIsDownAreAppliedOnceItIsBackAndNoneIsDeadLettered() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        double retriesBefore = retries();
        double deadLettersBefore = deadLetters();
        List<UUID> devices = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();

        postgres.refuseConnections(postgres.database());
        try {
            for (int i = 0; i < 10; i++) {
                UUID user = UUID.randomUUID();
                UUID device = UUID.randomUUID();
                String eventId = TestKafka.newEventId();
                devices.add(device);
                eventIds.add(eventId);
                publish(eventId, new DeviceRegistered(device, user, 1, "MT5-" + i, Instant.now()));
            }
            // Ten failed attempts take longer (0.1 + 0.2 + 0.4 + 7 x 0.5 s in tests) than the old three retries did.
            await().atMost(Duration.ofSeconds(60)).until(() -> retries() >= retriesBefore + 10);
            assertThat(retrying()).isEqualTo(1);
            // Readiness is the database only: the outage takes this replica out of service.
            RestAssured.get("/q/health/ready").then().statusCode(503);
            // A request that needs the database is told to come back, not that the server broke.
            RestAssured.given().auth().oauth2(TestTokens.user(UUID.randomUUID()))
                    .get("/api/v1/exec/status/" + UUID.randomUUID())
                    .then().statusCode(503).header("Retry-After", "5")
                    .contentType("application/problem+json")
                    .body("type", endsWith("/problems/service-unavailable"));
        } finally {
            postgres.acceptConnections(postgres.database());
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> devices.stream().allMatch(this::isKnown));
        for (String eventId : eventIds) {
            assertThat(timesProcessed(eventId)).isEqualTo(1);
        }
        assertThat(deadLetters()).isEqualTo(deadLettersBefore);
        await().atMost(Duration.ofSeconds(10)).until(() -> retrying() == 0);
        // The JDBC pool (Flyway's) drops its dead connection at the first probe, so the next one is ready again.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> RestAssured.get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void eventsFromAnyoneButTheTopicsProducerAreDeadLetteredWithTheReason() throws Exception {
        UUID user = UUID.randomUUID();
        UUID intruderDevice = UUID.randomUUID();
        String fromIntruder = TestKafka.newEventId();
        DeviceRegistered registered = new DeviceRegistered(intruderDevice, user, 1, "MT5", Instant.now());
        TestKafka.publishCloudEvent(Topics.DEVICES_LIFECYCLE, user.toString(), fromIntruder,
                EventType.DEVICE_REGISTERED.type(), "intruder", json.writeValueAsString(registered));
        String wrongType = TestKafka.newEventId();
        TestKafka.publishCloudEvent(Topics.DEVICES_LIFECYCLE, user.toString(), wrongType,
                EventType.EXECUTION_FILL_RECORDED.type(), "{}");
        String unreadable = TestKafka.newEventId();
        TestKafka.publishCloudEvent(Topics.DEVICES_LIFECYCLE, user.toString(), unreadable,
                EventType.DEVICE_REGISTERED.type(), "{not json");

        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics(DEAD_LETTERS);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(reasonOf(deadLetters, fromIntruder)).isEqualTo("foreign-producer");
                assertThat(reasonOf(deadLetters, wrongType)).isEqualTo("foreign-producer");
                assertThat(reasonOf(deadLetters, unreadable)).isEqualTo("unreadable");
            });
            ConsumerRecord<String, String> parked = deadLetters.getRecords().stream()
                    .filter(record -> fromIntruder.equals(header(record, "ce_id"))).findFirst().orElseThrow();
            // The original CloudEvents headers stay, so the record can be replayed as it was.
            assertThat(header(parked, "ce_source")).isEqualTo("intruder");
            assertThat(header(parked, "ce_type")).isEqualTo(EventType.DEVICE_REGISTERED.type());
            assertThat(header(parked, "dead-letter-exception-class-name")).endsWith("DeadLetter");
            deadLetters.stop();
        }
        assertThat(isKnown(intruderDevice)).isFalse();
    }

    @Test
    void kafkaIsAHealthGroupOfItsOwnAndNotPartOfReadiness() {
        // Messaging's readiness check remains, reporting no channel: none of them counts for readiness.
        List<Map<String, Object>> checks = RestAssured.get("/q/health/ready").then().statusCode(200)
                .extract().jsonPath().getList("checks");
        assertThat(checks).extracting(check -> (String) check.get("name")).noneMatch(name -> name.contains("Kafka"));
        assertThat(checks).allSatisfy(check -> assertThat(String.valueOf(check.get("data")))
                .doesNotContain("devices-lifecycle", "signals", "outbox"));
        RestAssured.get("/q/health/group/kafka").then().statusCode(200)
                .body("checks.name", hasItem("kafka"))
                .body("checks.find { it.name == 'kafka' }.data", hasKey("devices-lifecycle"));
    }

    private static String reasonOf(ConsumerTask<String, String> deadLetters, String eventId) {
        return deadLetters.getRecords().stream().filter(record -> eventId.equals(header(record, "ce_id")))
                .map(record -> header(record, "dead-letter-reason")).findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void publish(String eventId, DeviceRegistered event) throws Exception {
        TestKafka.publishCloudEvent(Topics.DEVICES_LIFECYCLE, event.userId().toString(), eventId,
                EventType.DEVICE_REGISTERED.type(), json.writeValueAsString(event));
    }

    private double retries() {
        Counter counter = registry.find("inbox.retries").tag("consumer", CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private double retrying() {
        Gauge gauge = registry.find("inbox.retrying").tag("consumer", CONSUMER).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private double deadLetters() {
        return registry.find("inbox.dead.letters").tag("consumer", CONSUMER).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private boolean isKnown(UUID device) {
        return database.preparedQuery("select 1 from known_devices where device_id = $1").execute(Tuple.of(device))
                .await().atMost(Duration.ofSeconds(5)).size() == 1;
    }

    private long timesProcessed(String eventId) {
        return database.preparedQuery("select count(*) from processed_events where event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}
