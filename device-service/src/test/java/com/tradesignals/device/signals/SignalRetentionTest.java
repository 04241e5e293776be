package com.tradesignals.device.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.signals.SignalCloseRequested;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.device.LinkedDevice;
import com.tradesignals.device.TestClock;
import com.tradesignals.device.UpstreamSignals;
import com.tradesignals.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignalRetentionTest {

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    SignalRetention retention;

    @Inject
    Pool database;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void signalsExpiredLongerThanTheRetentionAreDeletedWithTheirDeliveries() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        Instant now = Instant.now();
        SignalIssued shortLived = UpstreamSignals.publish(objectMapper,
                UpstreamSignals.signal(device.userId(), now, now.plus(Duration.ofHours(1))));
        SignalIssued longLived = UpstreamSignals.publish(objectMapper,
                UpstreamSignals.signal(device.userId(), now, now.plus(Duration.ofDays(30))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> device.poll("").statusCode(200)
                .body("deliveries", hasSize(2)));

        clock.advance(Duration.ofDays(8));
        retention.purge().await().atMost(Duration.ofSeconds(10));

        assertThat(count("select count(*) from signals where signal_id = $1", shortLived.signalId())).isZero();
        assertThat(count("select count(*) from deliveries where signal_id = $1", shortLived.signalId())).isZero();
        assertThat(count("select count(*) from deliveries where signal_id = $1", longLived.signalId())).isEqualTo(1);
    }

    @Test
    void aSignalADeviceAcknowledgedIsKeptForItsPositionUntilSettledAndAtMostThePositionRetention() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        Instant now = Instant.now();
        SignalIssued settled = UpstreamSignals.publish(objectMapper,
                UpstreamSignals.signal(device.userId(), now, now.plus(Duration.ofHours(1))));
        SignalIssued held = UpstreamSignals.publish(objectMapper,
                UpstreamSignals.signal(device.userId(), now, now.plus(Duration.ofHours(1))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> device.poll("").statusCode(200)
                .body("deliveries", hasSize(2)));
        device.poll("after=2").statusCode(200);
        UpstreamSignals.publishEvent(objectMapper, new SignalCloseRequested(settled.signalId(), device.userId(), null,
                now), TestKafka.newEventId());
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from signals where signal_id = $1 and settled_at is not null", settled.signalId()) == 1);

        clock.advance(Duration.ofDays(8));
        retention.purge().await().atMost(Duration.ofSeconds(10));

        assertThat(count("select count(*) from signals where signal_id = $1", settled.signalId())).isZero();
        assertThat(count("select count(*) from deliveries where signal_id = $1", held.signalId())).isEqualTo(1);

        clock.advance(Duration.ofDays(83));
        retention.purge().await().atMost(Duration.ofSeconds(10));

        assertThat(count("select count(*) from signals where signal_id = $1", held.signalId())).isZero();
    }

    private long count(String sql, UUID signalId) {
        return database.preparedQuery(sql).execute(Tuple.of(signalId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
