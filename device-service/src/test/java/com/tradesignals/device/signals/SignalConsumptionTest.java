package com.tradesignals.device.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.OrderType;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.device.LinkedDevice;
import com.tradesignals.device.TestClock;
import com.tradesignals.device.UpstreamSignals;
import com.tradesignals.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signals are consumed in batches: each event once, in order, and a bad record spoils nothing around it. */
@QuarkusTest
class SignalConsumptionTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void anEventIdSeenBeforeChangesNothingEvenForAnotherSignal() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        String eventId = TestKafka.newEventId();
        SignalIssued first = UpstreamSignals.publish(objectMapper, signalFor(device.userId()), eventId);
        UpstreamSignals.publish(objectMapper, signalFor(device.userId()), eventId);
        SignalIssued marker = UpstreamSignals.publish(objectMapper, signalFor(device.userId()));

        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("").statusCode(200)
                .body("deliveries.signal_id", contains(first.signalId().toString(), marker.signalId().toString())));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheSignalsAroundItAreDeliveredInOrder() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        String unreadable = "{not json " + UUID.randomUUID();
        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                    .fromTopics(Topics.deadLetterTopic(Topics.SIGNALS, "device-service"));
            SignalIssued before = UpstreamSignals.publish(objectMapper, signalFor(device.userId()));
            TestKafka.publishCloudEvent(Topics.SIGNALS, device.userId().toString(), TestKafka.newEventId(),
                    EventType.SIGNAL_ISSUED.type(), unreadable);
            SignalIssued after = UpstreamSignals.publish(objectMapper, signalFor(device.userId()));

            await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("").statusCode(200)
                    .body("deliveries.signal_id", contains(before.signalId().toString(), after.signalId().toString())));
            await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> assertThat(deadLetters.getRecords())
                    .anySatisfy(record -> assertThat(record.value()).isEqualTo(unreadable)));
            deadLetters.stop();
        }
    }

    @Test
    void aSignalTheDatabaseRefusesGoesToTheDeadLetterTopicAndTheSignalsAroundItAreDelivered() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        Instant now = Instant.now();
        SignalIssued tooLarge = new SignalIssued(UUID.randomUUID(), device.userId(), "EURUSD", Side.BUY,
                OrderType.MARKET, new BigDecimal("1e30"), null, null, null, now, now.plus(Duration.ofHours(1)));
        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                    .fromTopics(Topics.deadLetterTopic(Topics.SIGNALS, "device-service"));
            SignalIssued before = UpstreamSignals.publish(objectMapper, signalFor(device.userId()));
            UpstreamSignals.publish(objectMapper, tooLarge);
            SignalIssued after = UpstreamSignals.publish(objectMapper, signalFor(device.userId()));

            await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("").statusCode(200)
                    .body("deliveries.signal_id", contains(before.signalId().toString(), after.signalId().toString())));
            await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> assertThat(deadLetters.getRecords())
                    .anySatisfy(record -> assertThat(record.value()).contains(tooLarge.signalId().toString())));
            deadLetters.stop();
        }
    }

    private static SignalIssued signalFor(UUID user) {
        Instant now = Instant.now();
        return UpstreamSignals.signal(user, now, now.plus(Duration.ofHours(1)));
    }
}
