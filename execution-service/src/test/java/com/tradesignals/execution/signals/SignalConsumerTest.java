package com.tradesignals.execution.signals;

import static com.tradesignals.execution.Scenario.isKnown;
import static com.tradesignals.execution.Scenario.issue;
import static com.tradesignals.execution.Scenario.registerDevice;
import static com.tradesignals.execution.Scenario.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.OrderType;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.execution.Scenario;
import com.tradesignals.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The signal consumer writes on the reactive SQL client: the processed-event mark and its effect commit in one
 * transaction (Inbox.consumeOnSqlClient), so an event id is applied once and a refused event leaves no mark.
 */
@QuarkusTest
class SignalConsumerTest {

    private static final String DEAD_LETTERS = Topics.deadLetterTopic(Topics.SIGNALS, "execution-service");

    @Inject
    Pool database;

    @Test
    void anEventIdSeenBeforeIsNotAppliedAgainWhateverItCarries() {
        UUID user = UUID.randomUUID();
        registerDevice(database, user);
        String eventId = TestKafka.newEventId();
        SignalIssued first = signal(user, Side.BUY, "1", "1.1");
        publish(eventId, first);
        await().atMost(Duration.ofSeconds(30)).until(() -> isKnown(database, first.signalId()));

        SignalIssued sameIdOtherSignal = signal(user, Side.SELL, "2", "1.2");
        publish(eventId, sameIdOtherSignal);
        // Same key, same partition: once the next event is applied, the one before it was consumed.
        issue(database, signal(user, Side.BUY, "1", "1.1"));

        assertThat(isKnown(database, sameIdOtherSignal.signalId())).isFalse();
        assertThat(timesProcessed(eventId)).isEqualTo(1);
        assertThat(executionsOf(first.signalId())).isEqualTo(1);
    }

    @Test
    void aSignalRefusedForGoodIsDeadLetteredAndLeavesNoMarkBehind() {
        UUID user = UUID.randomUUID();
        String eventId = TestKafka.newEventId();
        Instant now = Instant.now();
        SignalIssued withoutSize = new SignalIssued(UUID.randomUUID(), user, "EURUSD", Side.BUY, OrderType.MARKET,
                BigDecimal.ZERO, new BigDecimal("1.1"), null, null, now, now.plus(Duration.ofHours(1)));

        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics(DEAD_LETTERS);
            publish(eventId, withoutSize);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters.getRecords())
                    .anySatisfy(record -> {
                        assertThat(header(record, "ce_id")).isEqualTo(eventId);
                        assertThat(header(record, "dead-letter-reason")).isEqualTo("invalid");
                    }));
            deadLetters.stop();
        }
        // The event was marked processed before the effect refused it; the mark rolled back with the effect, so a
        // replay of the dead letter is applied rather than skipped.
        assertThat(timesProcessed(eventId)).isZero();
        assertThat(isKnown(database, withoutSize.signalId())).isFalse();
    }

    private static void publish(String eventId, SignalIssued signal) {
        try {
            TestKafka.publishCloudEvent(Topics.SIGNALS, signal.userId().toString(), eventId,
                    EventType.of(signal).type(), Scenario.JSON.writeValueAsString(signal));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private long timesProcessed(String eventId) {
        return database.preparedQuery("select count(*) from processed_events where consumer = 'signals' "
                        + "and event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    private long executionsOf(UUID signalId) {
        return database.preparedQuery("select count(*) from executions where signal_id = $1")
                .execute(Tuple.of(signalId)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}
