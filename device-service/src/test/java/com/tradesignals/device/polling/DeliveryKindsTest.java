package com.tradesignals.device.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.signals.SignalCancelled;
import com.tradesignals.contracts.events.signals.SignalCloseRequested;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.events.signals.SignalModified;
import com.tradesignals.device.LinkedDevice;
import com.tradesignals.device.TestClock;
import com.tradesignals.device.UpstreamSignals;
import com.tradesignals.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Modify, cancel and close of a signal reach the devices that have the signal, in their sequence after it. */
@QuarkusTest
class DeliveryKindsTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    ParkedPolls parked;

    @Inject
    Pool database;

    @Test
    void aModifyAndACloseReachAParkedPollInOrderAfterTheOpen() throws Exception {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        SignalIssued signal = publish(signalFor(device.userId()));
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("after=0").statusCode(200)
                .body("deliveries.kind", contains("open"))
                .body("deliveries.sequence", contains(1))
                .body("deliveries[0].is_close_all", equalTo(false))
                .body("deliveries[0].acted_at", nullValue()));

        JsonPath modify = parkedPollAnswer(device, 1, () -> publish(new SignalModified(signal.signalId(),
                device.userId(), new BigDecimal("1.082"), null, new BigDecimal("1.0833"), Instant.now())));
        assertThat(modify.getList("deliveries.kind")).containsExactly("modify");
        assertThat(modify.getLong("deliveries[0].sequence")).isEqualTo(2);
        assertThat(modify.getString("deliveries[0].signal_id")).isEqualTo(signal.signalId().toString());
        assertThat(modify.getString("deliveries[0].new_stop_loss")).isEqualTo("1.08200000");
        assertThat(modify.getString("deliveries[0].new_take_profit")).isNull();
        assertThat(modify.getString("deliveries[0].new_price")).isEqualTo("1.08330000");
        assertThat(modify.getString("deliveries[0].instrument")).isEqualTo("EURUSD");
        assertThat(modify.getString("deliveries[0].acted_at")).isNotNull();

        JsonPath close = parkedPollAnswer(device, 2, () -> publish(new SignalCloseRequested(signal.signalId(),
                device.userId(), new BigDecimal("0.04"), Instant.now())));
        assertThat(close.getList("deliveries.kind")).containsExactly("close");
        assertThat(close.getLong("deliveries[0].sequence")).isEqualTo(3);
        assertThat(close.getString("deliveries[0].close_lots")).isEqualTo("0.04000000");
        assertThat(close.getBoolean("deliveries[0].is_close_all")).isFalse();

        publish(new SignalCloseRequested(signal.signalId(), device.userId(), null, Instant.now()));
        // The parked polls acknowledged up to 2: what follows is both closes, the second of all of the position.
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("").statusCode(200)
                .body("deliveries.kind", contains("close", "close"))
                .body("deliveries.sequence", contains(3, 4))
                .body("deliveries[1].close_lots", nullValue())
                .body("deliveries[1].is_close_all", equalTo(true)));
    }

    @Test
    void anActionOnASignalTheDeviceNeverReceivedIsNeverDelivered() {
        UUID user = UUID.randomUUID();
        LinkedDevice office = LinkedDevice.register(user, "office", clock);
        SignalIssued signal = publish(signalFor(user));
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> office.poll("after=0").statusCode(200)
                .body("deliveries.signal_id", contains(signal.signalId().toString())));
        LinkedDevice home = LinkedDevice.register(user, "home", clock);

        publish(new SignalModified(signal.signalId(), user, new BigDecimal("1.081"), null, null, Instant.now()));
        publish(new SignalCloseRequested(signal.signalId(), user, null, Instant.now()));
        publish(new SignalModified(UUID.randomUUID(), user, new BigDecimal("1.081"), null, null, Instant.now()));
        publish(new SignalCloseRequested(UUID.randomUUID(), user, null, Instant.now()));
        SignalIssued marker = publish(signalFor(user));

        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> home.poll("after=0").statusCode(200)
                .body("deliveries.signal_id", contains(marker.signalId().toString()))
                .body("deliveries.kind", contains("open")));
        office.poll("after=0").statusCode(200)
                .body("deliveries.kind", contains("open", "modify", "close", "open"))
                .body("deliveries.signal_id", contains(signal.signalId().toString(), signal.signalId().toString(),
                        signal.signalId().toString(), marker.signalId().toString()));
    }

    @Test
    void aCancelOfAnUndeliveredSignalRemovesItFromTheQueueAndWhatActsOnIt() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        SignalIssued kept = publish(signalFor(device.userId()));
        SignalIssued withdrawn = publish(signalFor(device.userId()));
        publish(new SignalModified(withdrawn.signalId(), device.userId(), null, null, new BigDecimal("1.07"),
                Instant.now()));
        publish(new SignalCancelled(withdrawn.signalId(), device.userId(), Instant.now()));
        publish(new SignalCloseRequested(withdrawn.signalId(), device.userId(), null, Instant.now()));
        SignalIssued marker = publish(signalFor(device.userId()));

        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("after=0").statusCode(200)
                .body("deliveries.signal_id", contains(kept.signalId().toString(), marker.signalId().toString()))
                .body("deliveries.kind", contains("open", "open")));
    }

    @Test
    void aCancelledSignalForAUserWithoutDevicesIsNotGivenToTheFirstDevice() {
        UUID user = UUID.randomUUID();
        SignalIssued withdrawn = publish(signalFor(user));
        publish(new SignalCancelled(withdrawn.signalId(), user, Instant.now()));
        SignalIssued waiting = publish(signalFor(user));
        // One user's events are consumed in order: once the last one is stored, the cancel was applied.
        await().atMost(DELIVERY_TIMEOUT).until(() -> isStored(waiting));

        LinkedDevice.register(user, "first", clock).poll("after=0").statusCode(200)
                .body("deliveries.signal_id", contains(waiting.signalId().toString()));
    }

    @Test
    void aCancelOfADeliveredSignalIsDeliveredAsKindCancel() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        SignalIssued signal = publish(signalFor(device.userId()));
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("after=0").statusCode(200)
                .body("deliveries.signal_id", contains(signal.signalId().toString())));
        device.poll("after=1").statusCode(200).body("deliveries", empty());

        publish(new SignalCancelled(signal.signalId(), device.userId(), Instant.now()));

        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("after=1").statusCode(200)
                .body("deliveries.kind", contains("cancel"))
                .body("deliveries.sequence", contains(2))
                .body("deliveries[0].signal_id", equalTo(signal.signalId().toString()))
                .body("deliveries[0].acted_at", notNullValue()));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        SignalIssued signal = publish(signalFor(device.userId()));
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("after=0").statusCode(200)
                .body("deliveries.signal_id", contains(signal.signalId().toString())));
        device.poll("after=1").statusCode(200).body("deliveries", empty());

        SignalModified modified = new SignalModified(signal.signalId(), device.userId(), new BigDecimal("1.081"),
                null, null, Instant.now());
        SignalCancelled cancelled = new SignalCancelled(signal.signalId(), device.userId(), Instant.now());
        String modifyEventId = TestKafka.newEventId();
        String cancelEventId = TestKafka.newEventId();
        UpstreamSignals.publishEvent(objectMapper, modified, modifyEventId);
        UpstreamSignals.publishEvent(objectMapper, modified, modifyEventId);
        UpstreamSignals.publishEvent(objectMapper, cancelled, cancelEventId);
        UpstreamSignals.publishEvent(objectMapper, cancelled, cancelEventId);
        SignalIssued marker = publish(signalFor(device.userId()));

        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("after=1").statusCode(200)
                .body("deliveries.kind", contains("modify", "cancel", "open"))
                .body("deliveries.sequence", contains(2, 3, 4))
                .body("deliveries[2].signal_id", equalTo(marker.signalId().toString())));
    }

    @Test
    void anActionAfterTheSignalExpiredReachesOnlyADeviceThatAcknowledgedTheOpen() {
        UUID user = UUID.randomUUID();
        LinkedDevice acknowledging = LinkedDevice.register(user, "acknowledging", clock);
        LinkedDevice silent = LinkedDevice.register(user, "silent", clock);
        Instant now = Instant.now();
        SignalIssued signal = publish(UpstreamSignals.signal(user, now, now.plusSeconds(120)));
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> acknowledging.poll("after=0").statusCode(200)
                .body("deliveries.signal_id", contains(signal.signalId().toString())));
        acknowledging.poll("after=1").statusCode(200).body("deliveries", empty());

        publish(new SignalCloseRequested(signal.signalId(), user, null, Instant.now()));
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> silent.poll("after=0").statusCode(200)
                .body("deliveries.kind", contains("open", "close")));
        try {
            clock.advance(Duration.ofMinutes(3));
            acknowledging.poll("after=1").statusCode(200).body("deliveries.kind", contains("close"));
            silent.poll("after=0").statusCode(200).body("deliveries", empty());
        } finally {
            clock.reset();
        }
    }

    /** Parks a poll after {@code after}, then publishes, and answers what the parked poll was answered. */
    private JsonPath parkedPollAnswer(LinkedDevice device, long after, Runnable publish) throws Exception {
        CompletableFuture<JsonPath> parkedPoll = CompletableFuture.supplyAsync(
                () -> device.poll("after=" + after + "&wait=20").statusCode(200).extract().jsonPath());
        await().atMost(DELIVERY_TIMEOUT).until(() -> parked.isParked(device.deviceId()));
        publish.run();
        return parkedPoll.get(15, TimeUnit.SECONDS);
    }

    private boolean isStored(SignalIssued signal) {
        return database.preparedQuery("select 1 from signals where signal_id = $1")
                .execute(Tuple.of(signal.signalId())).await().atMost(DELIVERY_TIMEOUT).size() == 1;
    }

    private <E extends IntegrationEvent> E publish(E event) {
        return UpstreamSignals.publishEvent(objectMapper, event, TestKafka.newEventId());
    }

    private static SignalIssued signalFor(UUID user) {
        Instant now = Instant.now();
        return UpstreamSignals.signal(user, now, now.plus(Duration.ofHours(1)));
    }
}
