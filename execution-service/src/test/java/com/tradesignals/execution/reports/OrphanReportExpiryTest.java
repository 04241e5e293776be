package com.tradesignals.execution.reports;

import static com.tradesignals.execution.Scenario.fill;
import static com.tradesignals.execution.Scenario.registerDevice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.execution.TestClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reports for a signal that never comes expire after a day, answer so on replay, and are deleted a week later. */
@QuarkusTest
class OrphanReportExpiryTest {

    @Inject
    Pool database;

    @Inject
    OrphanReportExpiry expiry;

    @Inject
    TestClock clock;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void anOrphanExpiresAfterTheWaitAnswersSoOnReplayAndIsDeletedAfterTheRetention() {
        DeviceRequestSigner device = registerDevice(database, UUID.randomUUID());
        UUID signalId = UUID.randomUUID();
        Instant filledAt = Instant.now();
        fill(device, "lost", signalId, "T-1", "1", "10", filledAt).statusCode(202)
                .body("outcome", equalTo("AWAITING_SIGNAL"));
        double expiredBefore = expiredFills();

        clock.advance(Duration.ofHours(23));
        drainExpiries();
        assertThat(outcomeOf(device, "lost")).isEqualTo("AWAITING_SIGNAL");

        clock.advance(Duration.ofHours(2));
        drainExpiries();
        assertThat(outcomeOf(device, "lost")).isEqualTo("SIGNAL_NEVER_ARRIVED");
        assertThat(expiredFills()).isEqualTo(expiredBefore + 1);

        // The device's retry learns that the report was never applied (signed requests need the real time).
        clock.reset();
        fill(device, "lost", signalId, "T-1", "1", "10", filledAt).statusCode(200)
                .body("outcome", equalTo("SIGNAL_NEVER_ARRIVED")).body("report_id", equalTo("lost"));

        clock.advance(Duration.ofHours(25).plus(Duration.ofDays(6)));
        drainDeletions();
        assertThat(outcomeOf(device, "lost")).isEqualTo("SIGNAL_NEVER_ARRIVED");
        clock.advance(Duration.ofDays(2));
        drainDeletions();
        assertThat(outcomeOf(device, "lost")).isNull();
    }

    @Test
    void oneRunExpiresAtMostOneBatch() {
        DeviceRequestSigner device = registerDevice(database, UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            fill(device, "orphan-" + i, UUID.randomUUID(), "T-" + i, "1", "10", Instant.now()).statusCode(202);
        }
        clock.advance(Duration.ofHours(25));

        // Batch size 2 in tests: three due reports take two runs.
        assertThat(expiry.expireDue().await().atMost(Duration.ofSeconds(10))).isEqualTo(2);
        drainExpiries();
        for (int i = 0; i < 3; i++) {
            assertThat(outcomeOf(device, "orphan-" + i)).isEqualTo("SIGNAL_NEVER_ARRIVED");
        }
    }

    private void drainExpiries() {
        while (expiry.expireDue().await().atMost(Duration.ofSeconds(10)) > 0) {
            // Each run takes one bounded batch.
        }
    }

    private void drainDeletions() {
        while (expiry.deleteExpired().await().atMost(Duration.ofSeconds(10)) > 0) {
            // Each run takes one bounded batch.
        }
    }

    private double expiredFills() {
        Counter counter = registry.find("execution.orphan.reports.expired").tag("type", "FILL").counter();
        return counter == null ? 0 : counter.count();
    }

    private String outcomeOf(DeviceRequestSigner device, String reportId) {
        Iterator<io.vertx.mutiny.sqlclient.Row> rows = database.preparedQuery(
                        "select outcome from execution_reports where device_id = $1 and report_id = $2")
                .execute(Tuple.of(device.keyId().deviceId(), reportId)).await().atMost(Duration.ofSeconds(5)).iterator();
        return rows.hasNext() ? rows.next().getString(0) : null;
    }
}
