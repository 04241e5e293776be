package com.tradesignals.execution.reports;

import static com.tradesignals.execution.Scenario.ack;
import static com.tradesignals.execution.Scenario.error;
import static com.tradesignals.execution.Scenario.fill;
import static com.tradesignals.execution.Scenario.issue;
import static com.tradesignals.execution.Scenario.registerDevice;
import static com.tradesignals.execution.Scenario.signal;
import static com.tradesignals.execution.Scenario.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.execution.Scenario;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExecutionReportsTest {

    @Inject
    Pool database;

    private UUID user;
    private DeviceRequestSigner device;

    @BeforeEach
    void aUserWithADevice() {
        user = UUID.randomUUID();
        device = registerDevice(database, user);
    }

    @Test
    void aBuyIsAcknowledgedThenFilledInTwoPartsWithAveragePriceAndAdverseSlippageAndOneEventPerFill() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1.00", "1.10000"));
        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> events = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Scenario.executionsTopic());

            ack(device, "ack-1", signal.signalId()).statusCode(200)
                    .body("outcome", equalTo("ACKNOWLEDGED")).body("execution.state", equalTo("ACKED"));
            fill(device, "fill-1", signal.signalId(), "T-1", "0.40", "1.10010").statusCode(200)
                    .body("outcome", equalTo("FILL_APPLIED"))
                    .body("execution.state", equalTo("PARTIALLY_FILLED"))
                    .body("execution.cumulative_size", equalTo("0.40000000"))
                    .body("execution.leaves_size", equalTo("0.60000000"));
            fill(device, "fill-2", signal.signalId(), "T-2", "0.60", "1.10020").statusCode(200)
                    .body("execution.state", equalTo("FILLED"))
                    .body("execution.leaves_size", equalTo("0.00000000"));

            // (0.4 × 1.1001 + 0.6 × 1.1002) / 1.0 = 1.10016; slippage for a BUY = 1.10016 − 1.1 = +0.00016 (adverse)
            status(device, signal.signalId()).statusCode(200)
                    .body("requested_size", equalTo("1.00000000"))
                    .body("executions", hasSize(1))
                    .body("executions[0].state", equalTo("FILLED"))
                    .body("executions[0].cumulative_size", equalTo("1.00000000"))
                    .body("executions[0].leaves_size", equalTo("0.00000000"))
                    .body("executions[0].average_price", equalTo("1.10016000"))
                    .body("executions[0].slippage", equalTo("0.00016000"))
                    .body("executions[0].trade_ids", contains("T-1", "T-2"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    Scenario.eventsOf(events.getRecords(), EventType.EXECUTION_FILL_RECORDED, signal.signalId()))
                    .hasSize(2));
            List<Map<String, Object>> fills = Scenario.eventsOf(events.getRecords(),
                    EventType.EXECUTION_FILL_RECORDED, signal.signalId());
            assertThat(fills).extracting(event -> event.get("trade_id")).containsExactly("T-1", "T-2");
            // 0.40 lots × 100,000 × 1.10010
            assertThat(fills.get(0)).containsEntry("notional", "44004.00000000").containsEntry("side", "BUY")
                    .containsEntry("device_id", device.keyId().deviceId().toString());
            assertThat(Scenario.eventsOf(events.getRecords(), EventType.EXECUTION_ACKNOWLEDGED, signal.signalId()))
                    .hasSize(1);
            events.stop();
        }
    }

    @Test
    void aSellFilledBelowTheSignalPriceHasPositiveSlippageRoundedHalfEven() {
        SignalIssued signal = issue(database, signal(user, Side.SELL, "3", "2.00000000"));
        ack(device, "ack", signal.signalId()).statusCode(200);
        fill(device, "f1", signal.signalId(), "S-1", "1", "1.99999999").statusCode(200)
                .body("execution.state", equalTo("PARTIALLY_FILLED"));
        fill(device, "f2", signal.signalId(), "S-2", "2", "2.00000000").statusCode(200)
                .body("execution.state", equalTo("FILLED"));

        // avg = 5.99999999 / 3 = 1.99999999666…: HALF_EVEN at 8 decimals → 2.00000000; slippage (SELL) = 2 − avg.
        status(device, signal.signalId()).statusCode(200)
                .body("executions[0].average_price", equalTo("2.00000000"))
                .body("executions[0].slippage", equalTo("0.00000000"))
                .body("executions[0].cumulative_size", equalTo("3.00000000"));

        SignalIssued second = issue(database, signal(user, Side.SELL, "2", "1.50000"));
        fill(device, "g1", second.signalId(), "S-3", "2", "1.49000").statusCode(200);
        status(device, second.signalId()).statusCode(200)
                .body("executions[0].slippage", equalTo("0.01000000"));
    }

    @Test
    void anIdenticalReplayIsAnsweredAsTheFirstTimeWithoutASecondEvent() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "2", "100"));
        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> events = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Scenario.executionsTopic());
            Instant filledAt = Instant.now().minusSeconds(5);
            String first = fill(device, "r-1", signal.signalId(), "T-1", "1", "100.5", filledAt)
                    .statusCode(200).extract().asString();
            Map<String, Object> sent = Scenario.JSON.convertValue(Scenario.JSON.readTree(first), Map.class);
            // Same payload, decimals written another way: the same report.
            String replay = Scenario.post(device, "/api/v1/exec/fill", Map.of("report_id", "r-1",
                    "signal_id", signal.signalId(), "trade_id", "T-1", "size", "1.000", "price", "100.50",
                    "filled_at", filledAt.toString())).statusCode(200).extract().asString();
            assertThat(replay).isEqualTo(first);
            assertThat(sent.get("outcome")).isEqualTo("FILL_APPLIED");

            // A later fill is published after any duplicate would have been: once it is seen, count.
            fill(device, "r-2", signal.signalId(), "T-2", "1", "100.5").statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> Scenario.eventsOf(events.getRecords(),
                    EventType.EXECUTION_FILL_RECORDED, signal.signalId()).stream()
                    .anyMatch(event -> "T-2".equals(event.get("trade_id"))));
            assertThat(Scenario.eventsOf(events.getRecords(), EventType.EXECUTION_FILL_RECORDED, signal.signalId()))
                    .extracting(event -> event.get("trade_id")).containsExactly("T-1", "T-2");
            events.stop();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aReportIdReusedWithAnotherPayloadIsAConflict() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "2", "100"));
        fill(device, "r-1", signal.signalId(), "T-1", "1", "100").statusCode(200);
        fill(device, "r-1", signal.signalId(), "T-1", "1", "101").statusCode(409)
                .body("type", equalTo("/problems/report-id-conflict"));
        // Another report id carrying a trade already reported: the broker trade is not counted twice.
        fill(device, "r-2", signal.signalId(), "T-1", "1", "100").statusCode(409)
                .body("type", equalTo("/problems/duplicate-trade-id"));
        status(device, signal.signalId()).body("executions[0].cumulative_size", equalTo("1.00000000"));
    }

    @Test
    void anOverfillIsQuarantinedAndNotApplied() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1", "50"));
        fill(device, "a", signal.signalId(), "T-1", "0.7", "50").statusCode(200);
        fill(device, "b", signal.signalId(), "T-2", "0.5", "51").statusCode(200)
                .body("outcome", equalTo("OVERFILL_QUARANTINED"))
                .body("execution.cumulative_size", equalTo("0.70000000"))
                .body("execution.state", equalTo("PARTIALLY_FILLED"));
        status(device, signal.signalId())
                .body("executions[0].average_price", equalTo("50.00000000"))
                .body("executions[0].trade_ids", contains("T-1"))
                .body("executions[0].fills.find { it.trade_id == 'T-2' }.status", equalTo("QUARANTINED"))
                .body("executions[0].fills.find { it.trade_id == 'T-2' }.flag_reason", equalTo("overfill"));
    }

    @Test
    void twoFillsAtOnceCannotBothPassTheOverfillCheck() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1", "50"));
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> fill(device, "c1",
                signal.signalId(), "T-1", "0.6", "50").extract().response());
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> fill(device, "c2",
                signal.signalId(), "T-2", "0.6", "50").extract().response());
        List<String> outcomes = List.of(first.join().jsonPath().getString("outcome"),
                second.join().jsonPath().getString("outcome"));
        assertThat(outcomes).containsExactlyInAnyOrder("FILL_APPLIED", "OVERFILL_QUARANTINED");
        status(device, signal.signalId()).body("executions[0].cumulative_size", equalTo("0.60000000"));
    }

    @Test
    void twoCopiesOfOneReportAtOnceAreAnsweredAlikeAndCountOnce() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1", "50"));
        Instant filledAt = Instant.now();
        List<CompletableFuture<Response>> copies = List.of(1, 2, 3).stream()
                .map(copy -> CompletableFuture.supplyAsync(() -> fill(device, "same", signal.signalId(), "T-1", "0.4",
                        "50", filledAt).extract().response()))
                .toList();
        List<String> answers = copies.stream().map(CompletableFuture::join)
                .peek(answer -> assertThat(answer.statusCode()).isEqualTo(200))
                .map(Response::asString)
                .toList();
        assertThat(answers).containsOnly(answers.get(0));
        status(device, signal.signalId())
                .body("executions[0].cumulative_size", equalTo("0.40000000"))
                .body("executions[0].fills", hasSize(1));
    }

    @Test
    void aFillBeforeItsSignalWaitsAndIsAppliedWhenTheSignalArrives() {
        SignalIssued signal = signal(user, Side.BUY, "1", "10");
        Instant filledAt = Instant.now();
        String first = fill(device, "early", signal.signalId(), "T-1", "1", "10.1", filledAt).statusCode(202)
                .body("outcome", equalTo("AWAITING_SIGNAL")).body("execution", nullValue()).extract().asString();
        // Its retry is answered the same, and nothing is counted twice when the signal comes.
        assertThat(fill(device, "early", signal.signalId(), "T-1", "1", "10.1", filledAt).statusCode(202)
                .extract().asString()).isEqualTo(first);

        issue(database, signal);
        status(device, signal.signalId()).statusCode(200)
                .body("executions[0].state", equalTo("FILLED"))
                .body("executions[0].cumulative_size", equalTo("1.00000000"))
                .body("executions[0].average_price", equalTo("10.10000000"))
                .body("executions[0].slippage", equalTo("0.10000000"));
        assertThat(outcomeOf("early")).isEqualTo("FILL_APPLIED");
        // Once applied, a retry learns what became of it, as a fresh submission would have been answered.
        String fillId = Scenario.fromJson(first).get("fill_id").toString();
        fill(device, "early", signal.signalId(), "T-1", "1", "10.1", filledAt).statusCode(200)
                .body("outcome", equalTo("FILL_APPLIED"))
                .body("fill_id", equalTo(fillId))
                .body("execution.state", equalTo("FILLED"))
                .body("execution.cumulative_size", equalTo("1.00000000"))
                .body("execution.leaves_size", equalTo("0.00000000"))
                .body("execution.average_price", equalTo("10.10000000"));
    }

    @Test
    void aWaitingReportOfAnotherUsersDeviceIsAnsweredNotFoundOnceTheSignalCame() {
        SignalIssued signal = signal(user, Side.BUY, "1", "10");
        DeviceRequestSigner strangersDevice = registerDevice(database, UUID.randomUUID());
        ack(strangersDevice, "early-ack", signal.signalId()).statusCode(202);

        issue(database, signal);

        ack(strangersDevice, "early-ack", signal.signalId()).statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void waitingFillsOfSeveralDevicesAreAppliedInTurnAndEarnOnlyUpToTheSignalsSize() {
        DeviceRequestSigner second = registerDevice(database, user);
        SignalIssued signal = signal(user, Side.BUY, "1", "10");
        fill(device, "copy-1", signal.signalId(), "T-1", "0.60", "10").statusCode(202);
        fill(second, "copy-2", signal.signalId(), "T-1", "1", "10").statusCode(202);
        ack(second, "copy-ack", signal.signalId()).statusCode(202);

        issue(database, signal);

        // Each waiting report is decided on the signal as the one before left it: 0.60, then the 0.40 left of 1 lot.
        List<BigDecimal> earning = new ArrayList<>();
        database.preparedQuery("select commissionable_size from fills where signal_id = $1 order by received_at")
                .execute(Tuple.of(signal.signalId())).await().atMost(Duration.ofSeconds(5))
                .forEach(row -> earning.add(row.getBigDecimal(0)));
        assertThat(earning).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.60"), new BigDecimal("0.40"));
        assertThat(database.preparedQuery("select commissionable_size from signals where signal_id = $1")
                .execute(Tuple.of(signal.signalId())).await().atMost(Duration.ofSeconds(5)).iterator().next()
                .getBigDecimal(0)).isEqualByComparingTo("1");
        status(second, signal.signalId()).statusCode(200)
                .body("executions[0].state", equalTo("FILLED"))
                .body("executions[0].acknowledged_at", notNullValue());
    }

    @Test
    void reportsOutOfOrderNeverRollTheStateBack() {
        SignalIssued signal = issue(database, signal(user, Side.SELL, "1", "10"));
        fill(device, "f", signal.signalId(), "T-1", "1", "10").statusCode(200).body("execution.state", equalTo("FILLED"));
        ack(device, "late-ack", signal.signalId()).statusCode(200)
                .body("outcome", equalTo("ACKNOWLEDGED")).body("execution.state", equalTo("FILLED"));
        error(device, "late-error", signal.signalId(), 10006, "Request rejected").statusCode(200)
                .body("outcome", equalTo("IGNORED")).body("execution.state", equalTo("FILLED"));
        // An earlier-dated fill arriving last still only adds.
        SignalIssued other = issue(database, signal(user, Side.BUY, "2", "10"));
        fill(device, "o2", other.signalId(), "T-2", "1", "10", Instant.now()).statusCode(200);
        fill(device, "o1", other.signalId(), "T-1", "1", "10", Instant.now().minusSeconds(30)).statusCode(200)
                .body("execution.state", equalTo("FILLED"));
        ack(device, "o-ack", other.signalId()).statusCode(200).body("execution.state", equalTo("FILLED"));
    }

    @Test
    void anErrorRejectsTheExecutionAndALaterFillIsRecordedAndFlagged() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1", "10"));
        ack(device, "a", signal.signalId()).statusCode(200);
        error(device, "e", signal.signalId(), 10019, "No money").statusCode(200)
                .body("outcome", equalTo("REJECTED")).body("execution.state", equalTo("REJECTED"))
                .body("execution.leaves_size", equalTo("0.00000000"));
        fill(device, "f", signal.signalId(), "T-9", "1", "10").statusCode(200)
                .body("outcome", equalTo("FILL_FLAGGED")).body("execution.state", equalTo("REJECTED"));
        status(device, signal.signalId())
                .body("executions[0].state", equalTo("REJECTED"))
                .body("executions[0].error_code", equalTo(10019))
                .body("executions[0].cumulative_size", equalTo("0.00000000"))
                .body("executions[0].fills[0].status", equalTo("FLAGGED"))
                .body("executions[0].fills[0].flag_reason", equalTo("after-rejected"));
    }

    @Test
    void invalidReportsAreRefusedWithTheFieldNamed() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1", "10"));
        fill(device, "neg", signal.signalId(), "T-1", "-1", "10").statusCode(400)
                .body("type", equalTo("/problems/validation")).body("errors[0].field", equalTo("size"));
        fill(device, "scale", signal.signalId(), "T-1", "1", "10.123456789").statusCode(400)
                .body("errors[0].field", equalTo("price"));
        fill(device, "future", signal.signalId(), "T-1", "1", "10", Instant.now().plus(Duration.ofHours(1)))
                .statusCode(400).body("type", equalTo("/problems/fill-time-in-future"));
        error(device, "long", signal.signalId(), 1, "x".repeat(501)).statusCode(400)
                .body("errors[0].field", equalTo("message"));
    }

    @Test
    void anotherUsersSignalIsNotFoundForTheirDevicesAndTokens() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1", "10"));
        fill(device, "f", signal.signalId(), "T-1", "1", "10").statusCode(200);
        UUID stranger = UUID.randomUUID();
        DeviceRequestSigner strangersDevice = registerDevice(database, stranger);

        status(strangersDevice, signal.signalId()).statusCode(404).body("type", equalTo("/problems/not-found"));
        fill(strangersDevice, "f", signal.signalId(), "T-2", "1", "10").statusCode(404);
        given().auth().oauth2(TestTokens.user(stranger)).get("/api/v1/exec/status/" + signal.signalId())
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.user(user)).get("/api/v1/exec/status/" + signal.signalId())
                .then().statusCode(200).body("executions[0].trade_ids", contains("T-1"));
    }

    private String outcomeOf(String reportId) {
        return database.preparedQuery("select outcome from execution_reports where device_id = $1 and report_id = $2")
                .execute(Tuple.of(device.keyId().deviceId(), reportId))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getString(0);
    }
}
