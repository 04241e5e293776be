package com.tradesignals.execution.devices;

import static com.tradesignals.execution.Scenario.fill;
import static com.tradesignals.execution.Scenario.issue;
import static com.tradesignals.execution.Scenario.publish;
import static com.tradesignals.execution.Scenario.registerDevice;
import static com.tradesignals.execution.Scenario.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.devices.DeviceSettingsChanged;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A device's settings (device.settings-changed.v1) decide the lots its fills are checked against. */
@QuarkusTest
class DeviceSettingsSizingTest {

    @Inject
    Pool database;

    @Test
    void aHalfSizedDeviceFillsItsOwnLotsAndAPausedOneGetsNoExecution() {
        UUID user = UUID.randomUUID();
        DeviceRequestSigner half = registerDevice(database, user);
        DeviceRequestSigner paused = registerDevice(database, user);
        DeviceRequestSigner goldOnly = registerDevice(database, user);
        publish(new DeviceSettingsChanged(half.keyId().deviceId(), user, false, new BigDecimal("0.5"), null, null,
                null, Instant.now()));
        publish(new DeviceSettingsChanged(paused.keyId().deviceId(), user, true, null, null, null, null,
                Instant.now()));
        publish(new DeviceSettingsChanged(goldOnly.keyId().deviceId(), user, false, null, null, null,
                List.of("XAUUSD"), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from known_devices "
                + "where user_id = $1 and (lot_multiplier is not null or is_paused or allowed_instruments is not null)",
                user) == 3);

        SignalIssued signal = issue(database, signal(user, Side.BUY, "1.00", "1.08340"));

        assertThat(requestedSizes(signal.signalId())).singleElement().satisfies(row -> {
            assertThat(row.getUUID("device_id")).isEqualTo(half.keyId().deviceId());
            assertThat(row.getBigDecimal("requested_size")).isEqualByComparingTo("0.50");
        });
        fill(half, "f-1", signal.signalId(), "T-1", "0.50", "1.08340").statusCode(200)
                .body("outcome", equalTo("FILL_APPLIED")).body("execution.state", equalTo("FILLED"))
                .body("execution.leaves_size", equalTo("0.00000000"));
        fill(half, "f-2", signal.signalId(), "T-2", "0.10", "1.08340").statusCode(200)
                .body("outcome", equalTo("OVERFILL_QUARANTINED"));
        assertThat(count("select count(*) from fills where signal_id = $1 and status = 'APPLIED' "
                + "and commissionable_size = 0.5", signal.signalId())).isEqualTo(1);
    }

    private List<Row> requestedSizes(UUID signalId) {
        List<Row> rows = new ArrayList<>();
        database.preparedQuery("select device_id, requested_size from executions where signal_id = $1")
                .execute(Tuple.of(signalId)).await().atMost(Duration.ofSeconds(5)).forEach(rows::add);
        return rows;
    }

    private long count(String sql, UUID id) {
        return database.preparedQuery(sql).execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }
}
