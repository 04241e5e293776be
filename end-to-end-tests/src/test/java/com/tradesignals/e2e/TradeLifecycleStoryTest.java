package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TopicReader;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens to a trade after its entry, told through the gateway as the upstream Signals API, a terminal and a
 * client app tell it: the terminal's parked long poll receives the signal's modify, partial close and close-all in
 * the order they were published and reports each back with the reference device client, until the position is closed
 * with its realized P&L to the cent; a pending LIMIT order is placed and then cancelled by the signal; a partially
 * filled order is cancelled and ends DONE with its filled lots still open. Each order's end is published on
 * {@code executions.v1} exactly once.
 */
class TradeLifecycleStoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long an event's count must stay at one before "exactly once" is believed. */
    private static final Duration STAYS_ONCE = Duration.ofSeconds(2);

    private static TopicReader executions;

    private final SystemUnderTest system = SystemUnderTest.shared();
    /** Every request and answer of the story is checked against the services' OpenAPI documents. */
    private final ApiContract contract = ApiContract.fromGateway(system.gateway);

    @TempDir
    Path deviceStorage;

    @BeforeAll
    static void readTheExecutionsTopicFromItsStart() {
        SystemUnderTest.shared();
        executions = new TopicReader(Topics.EXECUTIONS);
    }

    @AfterAll
    static void stopReading() {
        if (executions != null) {
            executions.close();
        }
    }

    @Test
    void aFilledPositionIsModifiedClosedInTwoPartsAndEndsClosedWithItsRealizedProfitAndLoss() throws Exception {
        User trader = User.signUp(system);
        ContractTerminal terminal = link(trader, "lifecycle.json");

        // BUY 1.00 EURUSD at 1.08340 reaches the parked poll as an `open`; acked and filled at once.
        UUID signalId = UUID.randomUUID();
        JsonNode open = terminal.deliveredWhilePolling(1,
                () -> publishSignal(signalId, trader.id(), "MARKET", "BUY", "1.00", "1.08340")).get(0);
        assertDelivery(open, "open", signalId);
        terminal.acknowledge();
        terminal.awaitSignalKnown(signalId);
        HttpResponse<String> filled = terminal.report("fill", Map.of("signal_id", signalId.toString(),
                "trade_id", "T-1", "price", "1.08340", "size", "1.00", "filled_at", Instant.now().toString()));
        assertOutcome(filled, "FILL_APPLIED");
        assertExecution(filled, "state", "FILLED");

        // The upstream moves the stop loss and take profit, then closes half, then the rest: the three actions reach
        // the parked poll in that order, each with its fields.
        List<JsonNode> actions = terminal.deliveredWhilePolling(3, () -> {
            publish(EventType.SIGNAL_MODIFIED, trader.id(), JSON.createObjectNode()
                    .put("signal_id", signalId.toString()).put("user_id", trader.id().toString())
                    .put("stop_loss", "1.08000").put("take_profit", "1.09000").putNull("price")
                    .put("modified_at", Instant.now().toString()));
            publish(EventType.SIGNAL_CLOSE_REQUESTED, trader.id(), JSON.createObjectNode()
                    .put("signal_id", signalId.toString()).put("user_id", trader.id().toString())
                    .put("lots", "0.50").put("requested_at", Instant.now().toString()));
            publish(EventType.SIGNAL_CLOSE_REQUESTED, trader.id(), JSON.createObjectNode()
                    .put("signal_id", signalId.toString()).put("user_id", trader.id().toString())
                    .putNull("lots").put("requested_at", Instant.now().toString()));
        });
        assertThat(actions).extracting(action -> action.get("kind").asText())
                .containsExactly("modify", "close", "close");
        assertThat(actions).extracting(action -> action.get("sequence").asLong()).isSorted()
                .allSatisfy(sequence -> assertThat(sequence).isGreaterThan(open.get("sequence").asLong()));
        actions.forEach(action -> assertThat(action.get("signal_id").asText()).isEqualTo(signalId.toString()));
        JsonNode modify = actions.get(0);
        assertDecimal(modify.get("new_stop_loss").asText(), "1.08000");
        assertDecimal(modify.get("new_take_profit").asText(), "1.09000");
        assertThat(modify.get("new_price").isNull()).isTrue();
        assertThat(modify.get("acted_at").isNull()).isFalse();
        JsonNode closeHalf = actions.get(1);
        assertDecimal(closeHalf.get("close_lots").asText(), "0.50");
        assertThat(closeHalf.get("is_close_all").asBoolean()).isFalse();
        JsonNode closeAll = actions.get(2);
        assertThat(closeAll.get("close_lots").isNull()).isTrue();
        assertThat(closeAll.get("is_close_all").asBoolean()).isTrue();
        terminal.acknowledge();

        // The terminal reports what it did for each: the new levels, then the two closing deals.
        HttpResponse<String> modified = terminal.report("modified", Map.of("signal_id", signalId.toString(),
                "stop_loss", "1.08000", "take_profit", "1.09000"));
        assertOutcome(modified, "MODIFIED");
        assertExecution(modified, "state", "FILLED");
        HttpResponse<String> firstClose = terminal.report("close-fill", closeFill(signalId, "D-1", "0.50",
                "1.08840", "246.10"));
        assertOutcome(firstClose, "CLOSE_APPLIED");
        assertExecution(firstClose, "state", "CLOSING");
        assertExecution(firstClose, "open_size", "0.50000000");
        Map<String, Object> lastDeal = closeFill(signalId, "D-2", "0.50", "1.08240", "-49.20");
        HttpResponse<String> lastClose = terminal.report("close-fill", lastDeal, "close-fill-D-2-" + signalId);
        assertOutcome(lastClose, "POSITION_CLOSED");
        assertExecution(lastClose, "state", "CLOSED");
        assertExecution(lastClose, "open_size", "0.00000000");
        // 0.50 × 100,000 × (1.08840 − 1.08340) − 0.50 × 100,000 × (1.08340 − 1.08240) = 250.00 − 50.00
        assertExecution(lastClose, "realized_pnl", "200.00000000");
        // A terminal that lost the answer sends the same report again: the same answer, nothing applied twice.
        HttpResponse<String> resent = terminal.report("close-fill", lastDeal, "close-fill-D-2-" + signalId);
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(resent.body())).isEqualTo(JSON.readTree(lastClose.body()));

        // The trader's app shows the same through the gateway.
        trader.api().filter(contract).get("/api/v1/exec/signals/" + signalId + "/summary").then().statusCode(200)
                .body("realized_pnl", equalTo("200.00000000"))
                .body("devices", org.hamcrest.Matchers.hasSize(1))
                .body("devices[0].state", equalTo("CLOSED"))
                .body("devices[0].closed_size", equalTo("1.00000000"))
                .body("devices[0].average_exit_price", equalTo("1.08540000"))
                .body("devices[0].realized_pnl", equalTo("200.00000000"));

        // On the broker: the position closed once, with its P&L; the order never ended any other way.
        Map<String, Object> closed = publishedOnce(EventType.EXECUTION_POSITION_CLOSED, signalId);
        assertThat(closed).containsEntry("realized_pnl", "200.00000000").containsEntry("lots", "1.00000000");
        assertThat(events(EventType.EXECUTION_CLOSING_FILL_RECORDED, signalId))
                .extracting(event -> event.get("realized_pnl")).containsExactly("250.00000000", "-50.00000000");
        assertThat(events(EventType.EXECUTION_CANCELLED, signalId)).isEmpty();
        assertThat(events(EventType.EXECUTION_DONE, signalId)).isEmpty();
    }

    @Test
    void aPendingLimitOrderIsPlacedThenCancelledBySignal() throws Exception {
        User trader = User.signUp(system);
        ContractTerminal terminal = link(trader, "pending.json");

        // BUY 0.10 EURUSD LIMIT 1.08000: delivered, acknowledged (device and execution), resting with the broker.
        UUID signalId = UUID.randomUUID();
        JsonNode open = terminal.deliveredWhilePolling(1,
                () -> publishSignal(signalId, trader.id(), "LIMIT", "BUY", "0.10", "1.08000")).get(0);
        assertDelivery(open, "open", signalId);
        assertThat(open.get("order_type").asText()).isEqualTo("LIMIT");
        terminal.acknowledge();
        terminal.awaitSignalKnown(signalId);
        HttpResponse<String> placed = terminal.report("placed", Map.of("signal_id", signalId.toString(),
                "broker_order_id", "58210047"));
        assertOutcome(placed, "PLACED");
        assertExecution(placed, "state", "PLACED");

        // The upstream withdraws the signal: the terminal, which acknowledged the open, gets a `cancel`.
        JsonNode cancel = terminal.deliveredWhilePolling(1,
                () -> publish(EventType.SIGNAL_CANCELLED, trader.id(),
                JSON.createObjectNode().put("signal_id", signalId.toString()).put("user_id", trader.id().toString())
                        .put("cancelled_at", Instant.now().toString()))).get(0);
        assertDelivery(cancel, "cancel", signalId);
        assertThat(cancel.get("sequence").asLong()).isGreaterThan(open.get("sequence").asLong());
        assertThat(cancel.get("acted_at").isNull()).isFalse();
        terminal.acknowledge();

        // It cancels the order at the broker and says so.
        HttpResponse<String> cancelled = terminal.report("cancelled", Map.of("signal_id", signalId.toString(),
                "reason", "cancelled by signal"));
        assertOutcome(cancelled, "CANCELLED");
        assertExecution(cancelled, "state", "CANCELLED");
        assertExecution(cancelled, "leaves_size", "0.00000000");

        assertThat(publishedOnce(EventType.EXECUTION_PLACED, signalId)).containsEntry("broker_order_id", "58210047");
        publishedOnce(EventType.EXECUTION_CANCELLED, signalId);
        assertThat(events(EventType.EXECUTION_DONE, signalId)).isEmpty();
    }

    @Test
    void aPartiallyFilledOrderThatIsCancelledEndsDoneWithItsFilledLotsOpen() throws Exception {
        User trader = User.signUp(system);
        ContractTerminal terminal = link(trader, "partial.json");

        UUID signalId = UUID.randomUUID();
        JsonNode open = terminal.deliveredWhilePolling(1,
                () -> publishSignal(signalId, trader.id(), "MARKET", "BUY", "1.00", "1.08340")).get(0);
        assertDelivery(open, "open", signalId);
        terminal.acknowledge();
        terminal.awaitSignalKnown(signalId);
        HttpResponse<String> filled = terminal.report("fill", Map.of("signal_id", signalId.toString(),
                "trade_id", "T-1", "price", "1.08340", "size", "0.40", "filled_at", Instant.now().toString()));
        assertOutcome(filled, "FILL_APPLIED");
        assertExecution(filled, "state", "PARTIALLY_FILLED");

        // The broker cancels the rest of the order: it ends DONE, nothing left to fill, 0.40 lots still open.
        HttpResponse<String> cancelled = terminal.report("cancelled", Map.of("signal_id", signalId.toString()));
        assertOutcome(cancelled, "DONE");
        assertExecution(cancelled, "state", "DONE");
        assertExecution(cancelled, "leaves_size", "0.00000000");
        assertExecution(cancelled, "open_size", "0.40000000");

        Map<String, Object> done = publishedOnce(EventType.EXECUTION_DONE, signalId);
        assertDecimal((String) done.get("cumulative_size"), "0.40");
        assertThat(events(EventType.EXECUTION_CANCELLED, signalId)).isEmpty();
        assertThat(events(EventType.EXECUTION_POSITION_CLOSED, signalId)).isEmpty();
    }

    @AfterEach
    void everyCallMatchedTheApiReference() {
        assertThat(contract.violations()).as("calls that do not match the OpenAPI documents").isEmpty();
    }

    private ContractTerminal link(User trader, String credentials) throws Exception {
        return ContractTerminal.register(system.gateway, contract, trader, "MT5 lifecycle",
                deviceStorage.resolve(credentials));
    }

    /** Publishes a signal as the upstream Signals API would: {@code lots} of EURUSD, expiring in ten minutes. */
    private static void publishSignal(UUID signalId, UUID userId, String orderType, String side, String lots,
            String price) {
        Instant now = Instant.now();
        publish(EventType.SIGNAL_ISSUED, userId, JSON.createObjectNode()
                .put("signal_id", signalId.toString()).put("user_id", userId.toString())
                .put("instrument", "EURUSD").put("side", side).put("order_type", orderType)
                .put("size", lots).put("price", price).putNull("stop_loss").putNull("take_profit")
                .put("issued_at", now.toString()).put("expires_at", now.plus(Duration.ofMinutes(10)).toString()));
    }

    /** Publishes an event on its topic, keyed by the user as the upstream does (one user's events stay in order). */
    private static void publish(EventType type, UUID userId, ObjectNode data) {
        TestKafka.publishCloudEvent(type.topic(), userId.toString(), TestKafka.newEventId(), type.type(),
                data.toString());
    }

    private static Map<String, Object> closeFill(UUID signalId, String ticket, String lots, String price,
            String profit) {
        Map<String, Object> close = new LinkedHashMap<>();
        close.put("signal_id", signalId.toString());
        close.put("ticket", ticket);
        close.put("lots", lots);
        close.put("price", price);
        close.put("closed_at", Instant.now().toString());
        close.put("profit", profit);
        return close;
    }

    /**
     * The one event of {@code type} for the signal on {@code executions.v1}: waits for it, and for the count to stay
     * at one a moment longer.
     */
    private static Map<String, Object> publishedOnce(EventType type, UUID signalId) {
        await(type.type() + " published once for " + signalId).atMost(Duration.ofSeconds(30)).during(STAYS_ONCE)
                .until(() -> events(type, signalId).size() == 1);
        return events(type, signalId).get(0);
    }

    /** The events of {@code type} about the signal read from {@code executions.v1} so far, as their data. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(EventType type, UUID signalId) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : executions.records()) {
            var header = record.headers().lastHeader("ce_type");
            if (header == null || !type.type().equals(new String(header.value(), StandardCharsets.UTF_8))) {
                continue;
            }
            Map<String, Object> data;
            try {
                data = JSON.readValue(record.value(), Map.class);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            if (signalId.toString().equals(data.get("signal_id"))) {
                found.add(data);
            }
        }
        return found;
    }

    private static void assertDelivery(JsonNode delivery, String kind, UUID signalId) {
        assertThat(delivery.get("kind").asText()).as(delivery.toString()).isEqualTo(kind);
        assertThat(delivery.get("signal_id").asText()).isEqualTo(signalId.toString());
    }

    private static void assertOutcome(HttpResponse<String> answer, String outcome) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JsonPath.from(answer.body()).getString("outcome")).as(answer.body()).isEqualTo(outcome);
    }

    private static void assertExecution(HttpResponse<String> answer, String field, String expected) {
        assertThat(JsonPath.from(answer.body()).getString("execution." + field)).as(answer.body())
                .isEqualTo(expected);
    }

    private static void assertDecimal(String actual, String expected) {
        assertThat(new BigDecimal(actual)).isEqualByComparingTo(new BigDecimal(expected));
    }
}
