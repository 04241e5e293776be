package com.tradesignals.execution.ledger;

import static com.tradesignals.execution.Scenario.issue;
import static com.tradesignals.execution.Scenario.registerDevice;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.contracts.events.signals.OrderType;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.SignalIssued;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExpirySweepTest {

    @Inject
    Pool database;

    @Inject
    ExpirySweep sweep;

    @Test
    void theSweepExpiresOpenExecutionsOnlyOnceTheGracePeriodAfterTheSignalsExpiryHasPassed() {
        UUID user = UUID.randomUUID();
        registerDevice(database, user);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SignalIssued longExpired = issue(database, expiringAt(user, now.minus(Duration.ofMinutes(6))));
        SignalIssued withinGrace = issue(database, expiringAt(user, now.minus(Duration.ofMinutes(4))));

        sweep.expireDue().await().atMost(Duration.ofSeconds(10));

        assertThat(states(longExpired.signalId())).containsOnly("EXPIRED");
        assertThat(states(withinGrace.signalId())).containsOnly("PENDING");
    }

    private static SignalIssued expiringAt(UUID user, Instant expiresAt) {
        return new SignalIssued(UUID.randomUUID(), user, "EURUSD", Side.BUY, OrderType.MARKET, BigDecimal.ONE,
                new BigDecimal("1.1"), null, null, expiresAt.minus(Duration.ofMinutes(10)), expiresAt);
    }

    private java.util.List<String> states(UUID signalId) {
        java.util.List<String> states = new java.util.ArrayList<>();
        database.preparedQuery("select state from executions where signal_id = $1").execute(Tuple.of(signalId))
                .await().atMost(Duration.ofSeconds(5)).forEach(row -> states.add(row.getString("state")));
        assertThat(states).isNotEmpty();
        return states;
    }
}
