package com.tradesignals.execution.ledger;

import static com.tradesignals.execution.Scenario.ack;
import static com.tradesignals.execution.Scenario.error;
import static com.tradesignals.execution.Scenario.fill;
import static com.tradesignals.execution.Scenario.issue;
import static com.tradesignals.execution.Scenario.post;
import static com.tradesignals.execution.Scenario.publish;
import static com.tradesignals.execution.Scenario.registerDevice;
import static com.tradesignals.execution.Scenario.signal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.OrderType;
import com.tradesignals.contracts.events.signals.SignalCancelled;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.events.signals.SignalModified;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.execution.Scenario;
import com.tradesignals.execution.TestClock;
import com.tradesignals.testsupport.TestTokens;
import com.tradesignals.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orders that end and positions that close, against a real PostgreSQL and Kafka: each transition answered to the
 * terminal and published once on executions.v1.
 */
@QuarkusTest
class OrderLifecycleTest {

    @Inject
    Pool database;

    @Inject
    TestClock clock;

    @Inject
    ExpirySweep sweep;

    private UUID user;
    private DeviceRequestSigner device;
    /** When the test's closing deals were made: one time, so that a replayed report is the same report. */
    private final Instant closedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @BeforeEach
    void aUserWithADevice() {
        user = UUID.randomUUID();
        device = registerDevice(database, user);
    }

    @Test
    void aPositionIsModifiedClosedInTwoPartsAndEndsClosedWithItsRealizedProfitAndLoss() {
        try (TopicReader executions = new TopicReader(Topics.EXECUTIONS)) {
            SignalIssued signal = issue(database, signal(user, Side.BUY, "1.00", "1.08340"));
            ack(device, "ack", signal.signalId()).statusCode(200);
            fill(device, "fill", signal.signalId(), "T-1", "1.00", "1.08340").statusCode(200)
                    .body("execution.state", equalTo("FILLED"));

            post(device, "/api/v1/exec/modified", Map.of("report_id", "mod", "signal_id", signal.signalId(),
                    "stop_loss", "1.08000", "take_profit", "1.09000")).statusCode(200)
                    .body("outcome", equalTo("MODIFIED")).body("execution.state", equalTo("FILLED"));
            closeFill("close-1", signal.signalId(), "D-1", "0.50", "1.08840", "246.10").statusCode(200)
                    .body("outcome", equalTo("CLOSE_APPLIED")).body("execution.state", equalTo("CLOSING"))
                    .body("execution.open_size", equalTo("0.50000000"));
            closeFill("close-2", signal.signalId(), "D-2", "0.50", "1.08240", "-49.20").statusCode(200)
                    .body("outcome", equalTo("POSITION_CLOSED")).body("execution.state", equalTo("CLOSED"))
                    .body("execution.open_size", equalTo("0.00000000"))
                    // 0.50 × 100,000 × (1.08840 − 1.08340) + 0.50 × 100,000 × (1.08240 − 1.08340) = 250 − 50
                    .body("execution.realized_pnl", equalTo("200.00000000"));
            // A replay answers the same, and the same ticket under another report is refused.
            closeFill("close-2", signal.signalId(), "D-2", "0.50", "1.08240", "-49.20").statusCode(200)
                    .body("outcome", equalTo("POSITION_CLOSED"));
            closeFill("close-3", signal.signalId(), "D-2", "0.50", "1.08240", "-49.20").statusCode(409)
                    .body("type", equalTo("/problems/duplicate-ticket"));

            given().auth().oauth2(TestTokens.user(user))
                    .when().get("/api/v1/exec/signals/{id}/summary", signal.signalId())
                    .then().statusCode(200)
                    .body("realized_pnl", equalTo("200.00000000"))
                    .body("devices[0].state", equalTo("CLOSED"))
                    .body("devices[0].closed_size", equalTo("1.00000000"))
                    .body("devices[0].average_exit_price", equalTo("1.08540000"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    events(executions, EventType.EXECUTION_POSITION_CLOSED, signal.signalId())).hasSize(1));
            Map<String, Object> closed = events(executions, EventType.EXECUTION_POSITION_CLOSED, signal.signalId())
                    .get(0);
            assertThat(closed).containsEntry("realized_pnl", "200.00000000").containsEntry("quote_currency", "USD")
                    .containsEntry("reported_profit", "196.90000000").containsEntry("lots", "1.00000000");
            assertThat(events(executions, EventType.EXECUTION_CLOSING_FILL_RECORDED, signal.signalId()))
                    .extracting(event -> event.get("realized_pnl")).containsExactly("250.00000000", "-50.00000000");
        }
    }

    @Test
    void aPendingLimitOrderIsPlacedThenCancelledAndEachIsPublishedOnce() {
        try (TopicReader executions = new TopicReader(Topics.EXECUTIONS)) {
            SignalIssued signal = issue(database, limit(user, "1.08000", Instant.now().plus(Duration.ofHours(1))));
            ack(device, "ack", signal.signalId()).statusCode(200);
            placed("placed", signal.signalId(), "58210047").statusCode(200)
                    .body("outcome", equalTo("PLACED")).body("execution.state", equalTo("PLACED"));
            placed("placed-again", signal.signalId(), "58210047").statusCode(200).body("outcome", equalTo("IGNORED"));
            cancelled("cancel", signal.signalId()).statusCode(200)
                    .body("outcome", equalTo("CANCELLED")).body("execution.state", equalTo("CANCELLED"))
                    .body("execution.leaves_size", equalTo("0.00000000"));
            fill(device, "late", signal.signalId(), "T-late", "0.10", "1.08000").statusCode(200)
                    .body("outcome", equalTo("FILL_FLAGGED"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    events(executions, EventType.EXECUTION_CANCELLED, signal.signalId())).hasSize(1));
            assertThat(events(executions, EventType.EXECUTION_PLACED, signal.signalId()))
                    .singleElement().satisfies(placed -> assertThat(placed)
                            .containsEntry("broker_order_id", "58210047"));
            assertThat(executionRow(signal.signalId()).getString("broker_order_id")).isEqualTo("58210047");
        }
    }

    @Test
    void aPartiallyFilledOrderThatIsCancelledEndsDoneAndItsFilledLotsStillClose() {
        try (TopicReader executions = new TopicReader(Topics.EXECUTIONS)) {
            SignalIssued signal = issue(database, signal(user, Side.SELL, "1.00", "1.08340"));
            fill(device, "fill", signal.signalId(), "T-1", "0.40", "1.08340").statusCode(200)
                    .body("execution.state", equalTo("PARTIALLY_FILLED"));
            cancelled("cancel", signal.signalId()).statusCode(200)
                    .body("outcome", equalTo("DONE")).body("execution.state", equalTo("DONE"))
                    .body("execution.leaves_size", equalTo("0.00000000"))
                    .body("execution.open_size", equalTo("0.40000000"));
            // A SELL gains when the price falls: 0.40 × 100,000 × (1.08340 − 1.08140) = 80.00
            closeFill("close", signal.signalId(), "D-1", "0.40", "1.08140", null).statusCode(200)
                    .body("outcome", equalTo("POSITION_CLOSED")).body("execution.realized_pnl", equalTo("80.00000000"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    events(executions, EventType.EXECUTION_POSITION_CLOSED, signal.signalId())).hasSize(1));
            assertThat(events(executions, EventType.EXECUTION_DONE, signal.signalId())).singleElement()
                    .satisfies(done -> assertThat(done).containsEntry("reason", "cancelled")
                            .containsEntry("cumulative_size", "0.40000000")
                            .containsEntry("cancelled_size", "0.60000000"));
        }
    }

    @Test
    void closingMoreThanIsOpenIsQuarantinedAndTheQuarantinedDealChangesNothing() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1.00", "1.08340"));
        fill(device, "fill", signal.signalId(), "T-1", "0.30", "1.08340").statusCode(200);

        closeFill("close", signal.signalId(), "D-1", "0.50", "1.08400", null).statusCode(200)
                .body("outcome", equalTo("OVERCLOSE_QUARANTINED"))
                .body("execution.open_size", equalTo("0.30000000")).body("execution.realized_pnl", nullValue());

        assertThat(count("select count(*) from closing_fills where signal_id = $1 and status = 'QUARANTINED' "
                + "and flag_reason = 'overclose'", signal.signalId())).isEqualTo(1);
    }

    @Test
    void aWithdrawnSignalCancelsTheDevicesThatNeverActedOnItAndTheOthersWaitForTheirTerminal() {
        DeviceRequestSigner acting = registerDevice(database, user);
        try (TopicReader executions = new TopicReader(Topics.EXECUTIONS)) {
            SignalIssued signal = issue(database, limit(user, "1.08000", Instant.now().plus(Duration.ofHours(1))));
            ack(acting, "ack", signal.signalId()).statusCode(200);

            publish(new SignalModified(signal.signalId(), user, new BigDecimal("1.07500"), null,
                    new BigDecimal("1.07900"), Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> new BigDecimal("1.07900")
                    .compareTo(signalRow(signal.signalId()).getBigDecimal("price")) == 0);
            assertThat(signalRow(signal.signalId()).getBigDecimal("stop_loss")).isEqualByComparingTo("1.075");

            publish(new SignalCancelled(signal.signalId(), user, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    events(executions, EventType.EXECUTION_CANCELLED, signal.signalId())).hasSize(1));
            assertThat(events(executions, EventType.EXECUTION_CANCELLED, signal.signalId()).get(0))
                    .containsEntry("device_id", device.keyId().deviceId().toString())
                    .containsEntry("reason", "signal-cancelled");
            assertThat(stateOf(signal.signalId(), acting)).isEqualTo("ACKED");
            cancelled("cancel", signal.signalId(), acting).statusCode(200).body("outcome", equalTo("CANCELLED"));
        }
    }

    @Test
    void theExpirySweepEndsPlacedAndPartiallyFilledOrdersAndPublishesEach() {
        DeviceRequestSigner partial = registerDevice(database, user);
        try (TopicReader executions = new TopicReader(Topics.EXECUTIONS)) {
            SignalIssued signal = issue(database, limit(user, "1.08000", Instant.now().plus(Duration.ofHours(1))));
            placed("placed", signal.signalId(), "77").statusCode(200);
            fill(partial, "fill", signal.signalId(), "T-1", "0.40", "1.08000").statusCode(200);

            clock.advance(Duration.ofMinutes(66));
            sweep.expireDue().await().atMost(Duration.ofSeconds(10));

            assertThat(stateOf(signal.signalId(), device)).isEqualTo("EXPIRED");
            assertThat(stateOf(signal.signalId(), partial)).isEqualTo("DONE");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(events(executions, EventType.EXECUTION_EXPIRED, signal.signalId())).singleElement()
                        .satisfies(expired -> assertThat(expired)
                                .containsEntry("device_id", device.keyId().deviceId().toString()));
                assertThat(events(executions, EventType.EXECUTION_DONE, signal.signalId())).singleElement()
                        .satisfies(done -> assertThat(done).containsEntry("reason", "expired"));
            });
        }
    }

    @Test
    void aSnapshotThatDisagreesWithTheRecordsIsFlaggedAndPublishedOnce() {
        SignalIssued open = issue(database, signal(user, Side.BUY, "1.00", "1.08340"));
        fill(device, "fill-open", open.signalId(), "T-1", "1.00", "1.08340").statusCode(200);
        SignalIssued closed = issue(database, signal(user, Side.BUY, "0.50", "1.08340"));
        fill(device, "fill-closed", closed.signalId(), "T-2", "0.50", "1.08340").statusCode(200);
        closeFill("close", closed.signalId(), "D-1", "0.50", "1.08400", null).statusCode(200)
                .body("execution.state", equalTo("CLOSED"));

        positions("agree", Map.of(open.signalId(), "1.0")).statusCode(200)
                .body("outcome", equalTo("POSITIONS_MATCH")).body("mismatches", hasSize(0));
        try (TopicReader executions = new TopicReader(Topics.EXECUTIONS)) {
            // The terminal holds half of the open one, and still holds the one the platform thinks closed.
            Map<UUID, String> held = Map.of(open.signalId(), "0.5", closed.signalId(), "0.50");
            positions("snapshot-1", held).statusCode(200)
                    .body("outcome", equalTo("POSITIONS_MISMATCH")).body("mismatches", hasSize(2));
            positions("snapshot-2", held).statusCode(200).body("mismatches", hasSize(2));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(events(executions, EventType.EXECUTION_POSITION_MISMATCH, open.signalId()))
                        .singleElement().satisfies(mismatch -> assertThat(mismatch)
                                .containsEntry("platform_lots", "1.00000000")
                                .containsEntry("terminal_lots", "0.50000000"));
                assertThat(events(executions, EventType.EXECUTION_POSITION_MISMATCH, closed.signalId()))
                        .singleElement().satisfies(mismatch -> assertThat(mismatch)
                                .containsEntry("platform_lots", "0.00000000"));
            });
        }
    }

    @Test
    void devicesThatDivergeOnASignalArePublishedOncePerSignal() {
        DeviceRequestSigner rejecting = registerDevice(database, user);
        try (TopicReader executions = new TopicReader(Topics.EXECUTIONS)) {
            SignalIssued signal = issue(database, signal(user, Side.BUY, "1.00", "1.08340"));
            fill(device, "fill", signal.signalId(), "T-1", "1.00", "1.08340").statusCode(200);
            error(rejecting, "error", signal.signalId(), 10019, "Not enough money").statusCode(200);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    events(executions, EventType.EXECUTION_DEVICES_DIVERGED, signal.signalId())).hasSize(1));
            Map<String, Object> diverged = events(executions, EventType.EXECUTION_DEVICES_DIVERGED,
                    signal.signalId()).get(0);
            assertThat(diverged.get("filled_device_ids")).isEqualTo(List.of(device.keyId().deviceId().toString()));
            assertThat(diverged.get("rejected_device_ids"))
                    .isEqualTo(List.of(rejecting.keyId().deviceId().toString()));
            assertThat(signalRow(signal.signalId()).getOffsetDateTime("diverged_at")).isNotNull();
        }
    }

    private ValidatableResponse placed(String reportId, UUID signalId, String brokerOrderId) {
        return post(device, "/api/v1/exec/placed", Map.of("report_id", reportId, "signal_id", signalId,
                "broker_order_id", brokerOrderId));
    }

    private ValidatableResponse cancelled(String reportId, UUID signalId) {
        return cancelled(reportId, signalId, device);
    }

    private static ValidatableResponse cancelled(String reportId, UUID signalId, DeviceRequestSigner by) {
        return post(by, "/api/v1/exec/cancelled", Map.of("report_id", reportId, "signal_id", signalId,
                "reason", "cancelled by terminal"));
    }

    private ValidatableResponse closeFill(String reportId, UUID signalId, String ticket, String lots, String price,
            String profit) {
        Map<String, Object> body = new HashMap<>(Map.of("report_id", reportId, "signal_id", signalId,
                "ticket", ticket, "lots", lots, "price", price, "closed_at", closedAt.toString()));
        if (profit != null) {
            body.put("profit", profit);
        }
        return post(device, "/api/v1/exec/close-fill", body);
    }

    private ValidatableResponse positions(String reportId, Map<UUID, String> held) {
        return post(device, "/api/v1/exec/positions", Map.of("report_id", reportId, "positions",
                held.entrySet().stream().map(each -> Map.of("signal_id", each.getKey(), "lots", each.getValue()))
                        .toList()));
    }

    private static SignalIssued limit(UUID user, String price, Instant expiresAt) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new SignalIssued(UUID.randomUUID(), user, "EURUSD", Side.BUY, OrderType.LIMIT, BigDecimal.ONE,
                new BigDecimal(price), null, null, now, expiresAt.truncatedTo(ChronoUnit.MILLIS));
    }

    private static List<Map<String, Object>> events(TopicReader reader, EventType type, UUID signalId) {
        return Scenario.eventsOf(reader.records(), type, signalId);
    }

    private String stateOf(UUID signalId, DeviceRequestSigner of) {
        return database.preparedQuery("select state from executions where signal_id = $1 and device_id = $2")
                .execute(Tuple.of(signalId, of.keyId().deviceId())).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getString("state");
    }

    private Row executionRow(UUID signalId) {
        return database.preparedQuery("select * from executions where signal_id = $1 and device_id = $2")
                .execute(Tuple.of(signalId, device.keyId().deviceId())).await().atMost(Duration.ofSeconds(5))
                .iterator().next();
    }

    private Row signalRow(UUID signalId) {
        return database.preparedQuery("select * from signals where signal_id = $1").execute(Tuple.of(signalId))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
    }

    private long count(String sql, Object parameter) {
        return database.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }
}
