package com.tradesignals.execution.review;

import static com.tradesignals.execution.Scenario.fill;
import static com.tradesignals.execution.Scenario.issue;
import static com.tradesignals.execution.Scenario.registerDevice;
import static com.tradesignals.execution.Scenario.signal;
import static com.tradesignals.execution.Scenario.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.execution.Scenario;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fills are untrusted: implausible ones are stored and flagged, earn nothing, and wait for an administrator. */
@QuarkusTest
class FillPlausibilityAndReviewTest {

    @Inject
    Pool database;

    private final String admin = TestTokens.admin(UUID.randomUUID());
    private UUID user;
    private DeviceRequestSigner device;
    private KafkaCompanion kafka;
    private ConsumerTask<String, String> events;

    @BeforeEach
    void aUserWithADeviceAndTheExecutionsTopic() {
        user = UUID.randomUUID();
        device = registerDevice(database, user);
        kafka = TestKafka.companion();
        events = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Scenario.executionsTopic());
    }

    @AfterEach
    void stopConsuming() {
        events.stop();
        kafka.close();
    }

    @Test
    void aPlausibleFillCarriesItsInstrumentAndANotionalInLots() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1.00", "1.08345"));
        fill(device, "f1", signal.signalId(), "T-1", Side.BUY, "0.40", "1.08350").statusCode(200)
                .body("outcome", equalTo("FILL_APPLIED"));

        Map<String, Object> recorded = theOneFillRecorded(signal);
        assertThat(recorded).containsEntry("size", "0.40").containsEntry("commissionable_size", "0.40000000")
                .containsEntry("asset_class", "FX").containsEntry("contract_size", "100000")
                .containsEntry("quote_currency", "USD")
                // 0.40 lots × 100,000 EUR × 1.08350 USD
                .containsEntry("notional", "43340.00000000");
    }

    @Test
    void aFabricatedPriceIsFlaggedEarnsNothingAndAnApprovalEarnsExactlyOnce() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1.00", "1.08345"));
        String fillId = fill(device, "f1", signal.signalId(), "T-1", "1.00", "999999999.99999999").statusCode(200)
                .body("outcome", equalTo("PRICE_OUT_OF_BAND"))
                .body("execution.state", equalTo("PENDING"))
                .body("execution.cumulative_size", equalTo("0.00000000"))
                .extract().path("fill_id");
        // 2 % of 1.08345 is 0.021669: 1.10511 is in the band, 1.10600 is not.
        fill(device, "f2", signal.signalId(), "T-2", "0.10", "1.10600").statusCode(200)
                .body("outcome", equalTo("PRICE_OUT_OF_BAND"));
        fill(device, "f3", signal.signalId(), "T-3", "0.10", "1.10511").statusCode(200)
                .body("outcome", equalTo("FILL_APPLIED"));

        inQueue(fillId).body("status", equalTo("FLAGGED")).body("reason", equalTo("price-out-of-band"))
                .body("signal_price", equalTo("1.08345000"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fillsRecorded(signal))
                .extracting(event -> event.get("trade_id")).containsExactly("T-3"));

        decide(admin, fillId, "approve", "the broker's statement shows it").statusCode(200)
                .body("previous_status", equalTo("FLAGGED")).body("status", equalTo("APPLIED"))
                .body("commissionable_size", equalTo("0.90000000"))
                .body("state", equalTo("FILLED"));
        decide(admin, fillId, "approve", "twice").statusCode(409)
                .body("type", equalTo("/problems/fill-not-under-review"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fillsRecorded(signal))
                .extracting(event -> event.get("trade_id")).containsExactlyInAnyOrder("T-3", "T-1"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                eventsOf(signal, EventType.EXECUTION_FILL_REVIEWED)).singleElement()
                .satisfies(event -> assertThat(event).containsEntry("decision", "APPROVED")
                        .containsEntry("previous_status", "FLAGGED").containsEntry("fill_id", fillId)));
        queue(null).body("items.fill_id", not(hasItem(fillId)));
    }

    @Test
    void aWrongSideAndAnOffStepSizeAreFlaggedAndARejectionNeverCounts() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1.00", "1.08345"));
        String wrongSide = fill(device, "f1", signal.signalId(), "T-1", Side.SELL, "0.50", "1.08340").statusCode(200)
                .body("outcome", equalTo("SIDE_MISMATCH")).extract().path("fill_id");
        fill(device, "f2", signal.signalId(), "T-2", "0.505", "1.08340").statusCode(200)
                .body("outcome", equalTo("OFF_LOT_STEP"));

        inQueue(wrongSide).body("reason", equalTo("side-mismatch")).body("reported_side", equalTo("SELL"))
                .body("signal_side", equalTo("BUY"));
        decide(admin, wrongSide, "reject", "the terminal sold: not this signal").statusCode(200)
                .body("status", equalTo("REJECTED")).body("cumulative_size", equalTo("0.00000000"));

        status(device, signal.signalId()).statusCode(200)
                .body("executions[0].cumulative_size", equalTo("0.00000000"))
                .body("executions[0].fills.find { it.trade_id == 'T-1' }.status", equalTo("REJECTED"))
                .body("executions[0].fills.find { it.trade_id == 'T-1' }.review_reason",
                        equalTo("the terminal sold: not this signal"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                eventsOf(signal, EventType.EXECUTION_FILL_REVIEWED)).singleElement()
                .satisfies(event -> assertThat(event).containsEntry("decision", "REJECTED")));
        assertThat(fillsRecorded(signal)).isEmpty();
    }

    @Test
    void copiesOfOneSignalOnSeveralDevicesEarnOnlyUpToTheSignalsSize() {
        DeviceRequestSigner second = registerDevice(database, user);
        DeviceRequestSigner third = registerDevice(database, user);
        SignalIssued signal = issue(database, signal(user, Side.SELL, "1.00", "1.08345"));

        fill(device, "f1", signal.signalId(), "A-1", "0.60", "1.08340").statusCode(200)
                .body("outcome", equalTo("FILL_APPLIED"));
        fill(second, "f1", signal.signalId(), "B-1", "1.00", "1.08341").statusCode(200)
                .body("outcome", equalTo("FILL_APPLIED")).body("execution.state", equalTo("FILLED"));
        fill(third, "f1", signal.signalId(), "C-1", "1.00", "1.08342").statusCode(200)
                .body("outcome", equalTo("FILL_APPLIED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fillsRecorded(signal)).hasSize(3));
        assertThat(fillsRecorded(signal)).extracting(event -> event.get("trade_id") + " " + event.get("size") + " "
                + event.get("commissionable_size"))
                .containsExactlyInAnyOrder("A-1 0.60 0.60000000", "B-1 1.00 0.40000000", "C-1 1.00 0.00000000");
    }

    @Test
    void aMarketSignalWithoutAPriceIsKnownAndItsFillsAreHeldUntilApproved() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "0.50", null));
        String fillId = fill(device, "f1", signal.signalId(), "T-1", "0.50", "1.08350").statusCode(200)
                .body("outcome", equalTo("FILL_HELD_FOR_REVIEW"))
                .body("execution.state", equalTo("FILLED"))
                .extract().path("fill_id");
        status(device, signal.signalId()).statusCode(200)
                .body("signal_price", nullValue())
                .body("executions[0].slippage", nullValue())
                .body("executions[0].average_price", equalTo("1.08350000"));
        inQueue(fillId).body("status", equalTo("HELD")).body("reason", equalTo("no-reference-price"));
        assertThat(fillsRecorded(signal)).isEmpty();

        decide(admin, fillId, "approve", "price matches the market at the time").statusCode(200)
                .body("status", equalTo("APPLIED")).body("commissionable_size", equalTo("0.50000000"))
                .body("state", equalTo("FILLED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fillsRecorded(signal)).singleElement()
                .satisfies(event -> assertThat(event).containsEntry("fill_id", fillId)
                        .containsEntry("notional", "54175.00000000")));
    }

    @Test
    void anApprovedOverfillCountsOnceAndTheExecutionIsFilled() {
        SignalIssued signal = issue(database, signal(user, Side.BUY, "0.50", "1.08345"));
        fill(device, "f1", signal.signalId(), "T-1", "0.30", "1.08345").statusCode(200);
        String overfill = fill(device, "f2", signal.signalId(), "T-2", "0.30", "1.08345").statusCode(200)
                .body("outcome", equalTo("OVERFILL_QUARANTINED")).extract().path("fill_id");

        decide(admin, overfill, "approve", "the terminal really bought 0.60").statusCode(200)
                .body("state", equalTo("FILLED")).body("cumulative_size", equalTo("0.60000000"))
                .body("leaves_size", equalTo("0.00000000"))
                // the copies cap: 0.50 of the signal, 0.30 already earning
                .body("commissionable_size", equalTo("0.20000000"));
    }

    @Test
    void anInstrumentTheCatalogueDoesNotKnowCountsForItsExecutionWithoutANotional() {
        SignalIssued signal = issue(database, signal(user, "GER40.cash", Side.BUY, "1.00", "18000"));
        fill(device, "f1", signal.signalId(), "T-1", "1.00", "25000").statusCode(200)
                .body("outcome", equalTo("FILL_APPLIED"));
        Map<String, Object> recorded = theOneFillRecorded(signal);
        assertThat(recorded).containsEntry("instrument", "GER40.cash").containsEntry("asset_class", null)
                .containsEntry("notional", null).containsEntry("commissionable_size", "1.00000000");
    }

    @Test
    void onlyAnAdminReviewsAndBadRequestsAreProblems() {
        String user = TestTokens.user(UUID.randomUUID());
        given().auth().oauth2(user).when().get("/api/v1/exec/admin/fills/review").then().statusCode(403);
        decide(user, UUID.randomUUID().toString(), "approve", "x").statusCode(403);
        decide(admin, UUID.randomUUID().toString(), "approve", "x").statusCode(404);
        decide(admin, UUID.randomUUID().toString(), "reject", " ").statusCode(400);
        given().auth().oauth2(admin).when().get("/api/v1/exec/admin/fills/review?status=APPLIED").then()
                .statusCode(400);
        given().auth().oauth2(admin).when().get("/api/v1/exec/admin/fills/review?cursor=%25%25").then()
                .statusCode(400);
    }

    private ValidatableResponse inQueue(String fillId) {
        return given().auth().oauth2(admin).when().get("/api/v1/exec/admin/fills/review?limit=200").then()
                .statusCode(200).rootPath("items.find { it.fill_id == '" + fillId + "' }");
    }

    private ValidatableResponse queue(String status) {
        return given().auth().oauth2(admin).queryParam("limit", 200)
                .queryParam("status", status == null ? new Object[0] : new Object[] {status})
                .when().get("/api/v1/exec/admin/fills/review").then().statusCode(200);
    }

    private static ValidatableResponse decide(String token, String fillId, String decision, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reason", reason))
                .when().post("/api/v1/exec/admin/fills/" + fillId + "/" + decision).then();
    }

    private Map<String, Object> theOneFillRecorded(SignalIssued signal) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fillsRecorded(signal)).hasSize(1));
        return fillsRecorded(signal).get(0);
    }

    private List<Map<String, Object>> fillsRecorded(SignalIssued signal) {
        return eventsOf(signal, EventType.EXECUTION_FILL_RECORDED);
    }

    private List<Map<String, Object>> eventsOf(SignalIssued signal, EventType type) {
        return Scenario.eventsOf(events.getRecords(), type, signal.signalId());
    }
}
