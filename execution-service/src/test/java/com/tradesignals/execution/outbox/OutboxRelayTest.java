package com.tradesignals.execution.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradesignals.contracts.events.executions.SignalAcknowledged;
import com.tradesignals.execution.Scenario;
import com.tradesignals.platform.outbox.Outbox;
import com.tradesignals.platform.outbox.OutboxConfig;
import com.tradesignals.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

/** The platform's outbox relay, as this service runs it: a backlog of several batches, as a burst of fills leaves. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    Pool database;

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    @Test
    void aBacklogOfSeveralBatchesIsPublishedCompletelyOnceEachInCommitOrder() {
        UUID user = UUID.randomUUID();
        List<UUID> executions = IntStream.range(0, config.batchSize() * 5 / 2).mapToObj(i -> UUID.randomUUID()).toList();

        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> records = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Scenario.executionsTopic());
            database.withTransaction(transaction -> Uni.join().all(executions.stream()
                            .map(execution -> outbox.add(transaction, new SignalAcknowledged(execution,
                                    UUID.randomUUID(), user, UUID.randomUUID(), Instant.now())))
                            .toList()).andFailFast())
                    .await().atMost(Duration.ofSeconds(30));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    published(records.getRecords(), user)).hasSize(executions.size()));
            assertThat(published(records.getRecords(), user)).containsExactlyElementsOf(executions.stream()
                    .map(UUID::toString).toList());
            records.stop();
        }
        // Published events leave the outbox (the delete commits just after Kafka's acknowledgements).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(database
                .preparedQuery("select count(*) from outbox_events where record_key = $1")
                .execute(Tuple.of(user.toString()))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0)).isZero());
    }

    private static List<Object> published(List<ConsumerRecord<String, String>> records, UUID user) {
        return records.stream()
                .filter(record -> user.toString().equals(record.key()))
                .map(record -> Scenario.fromJson(record.value()))
                .peek(event -> assertThat(event).containsEntry("user_id", user.toString()))
                .map(event -> event.get("execution_id"))
                .toList();
    }
}
