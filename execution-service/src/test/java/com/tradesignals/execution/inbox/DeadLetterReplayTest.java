package com.tradesignals.execution.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.contracts.events.devices.DeviceRevoked;
import com.tradesignals.testsupport.KafkaBroker;
import com.tradesignals.testsupport.ProjectRoot;
import com.tradesignals.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** dev/dlq-replay puts dead letters back on their topic, in order, as they were first published. */
@QuarkusTest
class DeadLetterReplayTest {

    @Inject
    Pool database;

    @Inject
    ObjectMapper json;

    @Test
    void replayedDeadLettersAreAppliedInOrderOnceAndASecondRunReplaysNothing() throws Exception {
        // Its own dead-letter topic, so that other tests' dead letters stay where they are.
        String deadLetters = Topics.DEVICES_LIFECYCLE + ".replay-" + UUID.randomUUID() + ".dlq";
        UUID user = UUID.randomUUID();
        UUID device = UUID.randomUUID();
        UUID appliedDevice = UUID.randomUUID();
        String applied = TestKafka.newEventId();
        DeviceRegistered alreadyApplied = new DeviceRegistered(appliedDevice, user, 1, "applied", Instant.now());
        TestKafka.publishCloudEvent(Topics.DEVICES_LIFECYCLE, user.toString(), applied,
                EventType.DEVICE_REGISTERED.type(), json.writeValueAsString(alreadyApplied));
        await().atMost(Duration.ofSeconds(30)).until(() -> isActive(appliedDevice) != null);

        String registered = TestKafka.newEventId();
        String revoked = TestKafka.newEventId();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            deadLetter(producer, deadLetters, registered, new DeviceRegistered(device, user, 1, "MT5", Instant.now()));
            deadLetter(producer, deadLetters, revoked, new DeviceRevoked(device, user, 1, Instant.now()));
            deadLetter(producer, deadLetters, applied, alreadyApplied);
        }

        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> source = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.DEVICES_LIFECYCLE);
            assertThat(replay(deadLetters)).contains("Replayed 3 record(s)");

            // Registered, then revoked: in the other order the device would be active.
            await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(isActive(device)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(source.getRecords())
                    .anySatisfy(record -> assertThat(header(record, "ce_id")).isEqualTo(applied)));
            ConsumerRecord<String, String> replayed = source.getRecords().stream()
                    .filter(record -> registered.equals(header(record, "ce_id"))).findFirst().orElseThrow();
            assertThat(header(replayed, "ce_source")).isEqualTo("device-service");
            assertThat(header(replayed, "ce_type")).isEqualTo(EventType.DEVICE_REGISTERED.type());
            assertThat(replayed.key()).isEqualTo(user.toString());
            assertThat(replayed.headers().toArray()).noneMatch(header -> header.key().startsWith("dead-letter-"));
            source.stop();
        }
        assertThat(timesProcessed(registered)).isEqualTo(1);
        assertThat(timesProcessed(applied)).isEqualTo(1);

        assertThat(replay(deadLetters)).contains("Replayed 0 record(s)");
    }

    private void deadLetter(KafkaProducer<String, String> producer, String topic, String eventId,
            IntegrationEvent event) throws Exception {
        EventType type = EventType.of(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.userId().toString(),
                json.writeValueAsString(event));
        Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type.type(), "ce_source", "device-service",
                "ce_time", Instant.now().toString(), "content-type", "application/json",
                "dead-letter-reason", "invalid", "dead-letter-topic", Topics.DEVICES_LIFECYCLE,
                "dead-letter-offset", "0").forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    private static String replay(String deadLetters) throws Exception {
        Path root = ProjectRoot.path();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", root.resolve("kafka-broker/target/libs").toString() + "/*",
                root.resolve("dev/DeadLetterReplay.java").toString(),
                "--bootstrap", KafkaBroker.shared().bootstrapServers(), "--dlq", deadLetters)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Boolean isActive(UUID device) {
        Iterator<Row> rows = database.preparedQuery("select is_active from known_devices where device_id = $1")
                .execute(Tuple.of(device)).await().atMost(Duration.ofSeconds(5)).iterator();
        return rows.hasNext() ? rows.next().getBoolean(0) : null;
    }

    private long timesProcessed(String eventId) {
        return database.preparedQuery("select count(*) from processed_events where event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}
