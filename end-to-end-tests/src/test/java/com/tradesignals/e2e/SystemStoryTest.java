package com.tradesignals.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.deviceclient.DeviceClient;
import com.tradesignals.testsupport.TestKafka;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's story, told only through the gateway as client apps and a terminal tell it: a two-level
 * referral, a device, a signal delivered to a parked long poll, an execution filled in two parts, sizes in lots and
 * commissions to the cent for an FX pair, a metal and a crypto coin (nothing for an unknown instrument, nothing for a
 * fill out of the price band until an administrator approves it, then once), a payout, an unlinked device, and a
 * bust that claws commissions back.
 */
class SystemStoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SystemUnderTest system = SystemUnderTest.shared();
    /** Every request and answer of the story is checked against the services' OpenAPI documents. */
    private final ApiContract contract = ApiContract.fromGateway(system.gateway);

    @TempDir
    Path deviceStorage;

    @Test
    void referralDeviceSignalFillsCommissionsPayoutUnlinkAndBust() throws Exception {
        User alice = User.signUp(system);
        User bob = User.signUp(system);
        User carol = User.signUp(system);
        User admin = User.admin(system);

        // Referral tree: Alice -> Bob -> Carol.
        String aliceToken = registerAffiliate(alice);
        api(bob).body(Map.of("token", aliceToken)).post("/api/v1/affiliates/referrals").then().statusCode(201);
        String bobToken = registerAffiliate(bob);
        api(carol).body(Map.of("token", bobToken)).post("/api/v1/affiliates/referrals").then().statusCode(201);

        // Carol links her terminal: the reference device client registers it through the gateway. A device alone
        // qualifies nobody: the referral stays pending until Carol trades.
        DeviceClient terminal = new DeviceClient(URI.create(system.gateway), deviceStorage.resolve("carol.json"));
        HttpResponse<String> registered = terminal.register(carol.token(), "MT5 Carol");
        contract.check(registered, JSON.writeValueAsString(Map.of("name", "MT5 Carol")));
        assertThat(registered.statusCode()).isEqualTo(201);
        String deviceId = JSON.readTree(registered.body()).get("device_id").asText();
        assertThat(referralOf(bob, carol)).isEqualTo("PENDING");

        // A signal for Carol (1.00 lot EURUSD) reaches her terminal's parked long poll.
        CompletableFuture<HttpResponse<String>> parkedPoll = CompletableFuture.supplyAsync(() -> poll(terminal, "0",
                "25"));
        UUID signalId = UUID.randomUUID();
        Instant published = publishSignal(signalId, carol.id(), "EURUSD", "BUY", "1.00", "1.08345");
        HttpResponse<String> delivery = parkedPoll.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(delivery.statusCode()).isEqualTo(200);
        JsonNode delivered = JSON.readTree(delivery.body()).get("deliveries").get(0);
        assertThat(delivered.get("signal_id").asText()).isEqualTo(signalId.toString());
        assertThat(Duration.between(published, Instant.now())).isLessThan(Duration.ofSeconds(10));

        // Ack, two partial fills of 0.40 and 0.60 lots, FILLED with the average price computed from the fills.
        awaitSignalKnown(terminal, signalId);
        assertOutcome(report(terminal, "fill", fill(signalId, "T-1", "1.08350", "0.40")), "FILL_APPLIED");
        assertOutcome(report(terminal, "fill", fill(signalId, "T-2", "1.08360", "0.60")), "FILL_APPLIED");
        HttpResponse<String> statusAnswer = terminal.signed("GET", "/api/v1/exec/status/" + signalId, "", null);
        contract.check(statusAnswer, null);
        JsonPath status = JsonPath.from(statusAnswer.body());
        assertThat(status.getString("executions[0].state")).isEqualTo("FILLED");
        assertThat(status.getString("executions[0].cumulative_size")).satisfies(size -> assertDecimal(size, "1.00"));
        assertThat(status.getString("executions[0].leaves_size")).satisfies(size -> assertDecimal(size, "0"));
        assertThat(status.getString("executions[0].average_price")).satisfies(price -> assertDecimal(price, "1.08356"));
        String firstFillId = status.getString("executions[0].fills.find { it.trade_id == 'T-1' }.fill_id");

        // Carol's first fill qualified her referral. FX earns 10.00 per lot; Bob (level 1, Bronze) 20 % of it, Alice
        // (level 2) 5 %: 0.80 + 1.20 and 0.20 + 0.30.
        await("Carol's referral activates").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(referralOf(bob, carol)).isEqualTo("ACTIVATED"));
        awaitEarned(bob, "2.00", alice, "0.50");

        // A metal: 0.10 lot XAUUSD at 15.00 per lot is a fee of 1.50: Bob 0.30, Alice 0.075.
        UUID gold = trade(terminal, carol, "XAUUSD", "SELL", "0.10", "2650.00", "2649.60", "G-1", "FILL_APPLIED");
        awaitEarned(bob, "2.30", alice, "0.575");
        // A crypto coin, on notional: 0.05 BTCUSD × 1 × 96,950 = 4,847.50 USD × 0.001 = a fee of 4.8475: Bob
        // 0.9695, Alice 0.242375.
        trade(terminal, carol, "BTCUSD", "BUY", "0.05", "96900", "96950", "B-1", "FILL_APPLIED");
        awaitEarned(bob, "3.2695", alice, "0.817375");
        // An instrument the catalogue does not know counts for Carol's execution but earns nobody anything: it is
        // listed for administrators as unpriced.
        UUID unknown = UUID.randomUUID();
        publishSignal(unknown, carol.id(), "GER40.cash", "BUY", "1.0", "18000");
        awaitSignalKnown(terminal, unknown);
        assertOutcome(report(terminal, "fill", fill(unknown, "D-1", "18001", "1.0")), "FILL_APPLIED");
        await("the unknown instrument is listed as unpriced").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                api(admin).get("/api/v1/affiliates/admin/unpriced-fills?limit=200").then().statusCode(200)
                        .body("items.find { it.trade_id == 'D-1' && it.user_id == '" + carol.id() + "' }.reason",
                                equalTo("unknown-instrument")));
        // A price 2.1 % away from the reference (FX allows 2 %) earns nothing until an administrator approves it,
        // and then exactly once: 0.50 lot, Bob 1.00, Alice 0.25.
        UUID outOfBand = UUID.randomUUID();
        publishSignal(outOfBand, carol.id(), "EURUSD", "BUY", "0.50", "1.08345");
        awaitSignalKnown(terminal, outOfBand);
        HttpResponse<String> flagged = report(terminal, "fill", fill(outOfBand, "T-9", "1.10600", "0.50"));
        assertOutcome(flagged, "PRICE_OUT_OF_BAND");
        String flaggedFillId = JSON.readTree(flagged.body()).get("fill_id").asText();
        api(admin).get("/api/v1/exec/admin/fills/review?limit=200").then().statusCode(200)
                .body("items.find { it.fill_id == '" + flaggedFillId + "' }.reason", equalTo("price-out-of-band"));
        assertDecimal(balances(bob).getString("earned"), "3.2695");
        api(admin).body(Map.of("reason", "the broker's statement shows 1.10600"))
                .post("/api/v1/exec/admin/fills/" + flaggedFillId + "/approve").then().statusCode(200)
                .body("status", equalTo("APPLIED"));
        api(admin).body(Map.of("reason", "again"))
                .post("/api/v1/exec/admin/fills/" + flaggedFillId + "/approve").then().statusCode(409);
        awaitEarned(bob, "4.2695", alice, "1.067375");

        // Bob says where his payouts go (answered masked), is paid out (no holding period in this system), and the
        // scheduled job completes the payout, which names the account it went to. 1.50 covers the oldest
        // commission, T-1's 0.80, in full: it is marked paid.
        api(bob).body(Map.of("type", "BANK_TRANSFER", "iban", "GB82 WEST 1234 5698 7654 32", "holder_name", "Bob"))
                .put("/api/v1/affiliates/payout-method").then().statusCode(201).body("iban", equalTo("GB****5432"));
        String payoutId = api(bob).header("Idempotency-Key", "bob-first-payout").body(Map.of("amount", "1.50"))
                .post("/api/v1/affiliates/payout").then().statusCode(201).extract().path("payout_id");
        await("the payout completes").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                api(bob).get("/api/v1/affiliates/payouts/" + payoutId).then().statusCode(200)
                        .body("status", equalTo("COMPLETED")).body("payout_method.masked", equalTo("GB****5432")));
        JsonPath bobBalances = balances(bob);
        assertDecimal(bobBalances.getString("paid"), "1.50");
        assertBalancesAddUp(bobBalances);

        // Carol unlinks the terminal: its next poll and, once execution-service has heard, its reports are refused.
        api(carol).delete("/api/v1/devices/" + deviceId).then().statusCode(204);
        assertThat(poll(terminal, "1", "0").statusCode()).isEqualTo(401);
        await("execution-service hears of the revocation").atMost(Duration.ofSeconds(30)).until(() ->
                report(terminal, "fill", fill(gold, "G-2", "2650.00", "0.01")).statusCode() == 401);

        // An administrator busts the first fill: Bob's paid 0.80 on it comes back as a (negative) clawback entry
        // netted against future payouts, Alice's unpaid 0.20 is refunded (it leaves `earned`).
        api(admin).body(Map.of("reason", "broker cancelled ticket T-1"))
                .post("/api/v1/exec/admin/fills/" + firstFillId + "/bust").then().statusCode(200);
        await("the bust claws commissions back").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath bobAfterBust = balances(bob);
            JsonPath aliceAfterBust = balances(alice);
            assertDecimal(bobAfterBust.getString("clawed_back"), "-0.80");
            assertDecimal(netEarnings(bobAfterBust).toPlainString(), "3.4695");
            assertDecimal(netEarnings(aliceAfterBust).toPlainString(), "0.867375");
            assertBalancesAddUp(bobAfterBust);
            assertBalancesAddUp(aliceAfterBust);
        });
    }

    @AfterEach
    void everyCallMatchedTheApiReference() {
        assertThat(contract.violations()).as("calls that do not match the OpenAPI documents").isEmpty();
    }

    /** A user's calls, checked against the OpenAPI documents. */
    private RequestSpecification api(User user) {
        return user.api().filter(contract);
    }

    /** Carol's terminal fills a whole new signal of {@code instrument} in one fill; answers the signal id. */
    private UUID trade(DeviceClient terminal, User trader, String instrument, String side, String lots,
            String referencePrice, String fillPrice, String tradeId, String expectedOutcome) {
        UUID signalId = UUID.randomUUID();
        publishSignal(signalId, trader.id(), instrument, side, lots, referencePrice);
        awaitSignalKnown(terminal, signalId);
        assertOutcome(report(terminal, "fill", fill(signalId, tradeId, fillPrice, lots)), expectedOutcome);
        return signalId;
    }

    /** The terminal acknowledges the signal once execution-service has it (202 until then). */
    private void awaitSignalKnown(DeviceClient terminal, UUID signalId) {
        await("execution-service knows the signal and the device").atMost(Duration.ofSeconds(30))
                .until(() -> report(terminal, "ack", Map.of("signal_id", signalId.toString())).statusCode() == 200);
    }

    private void awaitEarned(User levelOne, String levelOneEarned, User levelTwo, String levelTwoEarned) {
        await("commissions accrue").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertDecimal(balances(levelOne).getString("earned"), levelOneEarned);
            assertDecimal(balances(levelTwo).getString("earned"), levelTwoEarned);
        });
    }

    private String referralOf(User referrer, User referred) {
        return api(referrer).get("/api/v1/affiliates/referrals").then().statusCode(200).extract()
                .path("items.find { it.referred_user_id == '" + referred.id() + "' }.status");
    }

    private static void assertOutcome(HttpResponse<String> answer, String outcome) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JsonPath.from(answer.body()).getString("outcome")).as(answer.body()).isEqualTo(outcome);
    }

    private static BigDecimal netEarnings(JsonPath balances) {
        return new BigDecimal(balances.getString("earned")).add(new BigDecimal(balances.getString("clawed_back")));
    }

    @Test
    void theGatewayAnswersItsOwnErrorsAsProblemsAndTagsRequests() {
        User someone = User.signUp(system);
        someone.api().get("/api/v2/nothing-here").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(404));
        someone.api().body("{\"name\":\"" + "x".repeat(70_000) + "\"}").post("/api/v1/devices/register")
                .then().statusCode(413).contentType(startsWith("application/problem+json"));
        someone.api().get("/api/v1/devices").then().statusCode(200).header("X-Request-Id",
                org.hamcrest.Matchers.notNullValue());
        someone.api().header("X-Request-Id", "client-chosen-id").get("/api/v1/devices").then()
                .header("X-Request-Id", equalTo("client-chosen-id"));
    }

    @Test
    void theApiReferenceIsServedThroughTheGateway() {
        String swaggerUi = given().baseUri(system.gateway).get("/docs/").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        for (String service : ApiContract.SERVICES) {
            assertThat(swaggerUi).contains("/docs/" + service + "/openapi");
            given().baseUri(system.gateway).get("/docs/" + service + "/openapi").then().statusCode(200)
                    .body(containsString("openapi: 3.1"));
        }
    }

    @Test
    void aDeviceOverItsRateIsRefusedWhileAnotherDeviceBehindTheSameAddressIsServed() throws Exception {
        User trader = User.signUp(system);
        DeviceClient busy = new DeviceClient(URI.create(system.gateway), deviceStorage.resolve("busy.json"));
        DeviceClient calm = new DeviceClient(URI.create(system.gateway), deviceStorage.resolve("calm.json"));
        assertThat(busy.register(trader.token(), "busy").statusCode()).isEqualTo(201);
        assertThat(calm.register(trader.token(), "calm").statusCode()).isEqualTo(201);

        HttpResponse<String> refused = null;
        for (int i = 0; i < SystemUnderTest.DEVICE_BURST * 3 && refused == null; i++) {
            HttpResponse<String> answer = poll(busy, "0", "0");
            if (answer.statusCode() == 429) {
                refused = answer;
            }
        }
        assertThat(refused).as("one device polling far above its rate").isNotNull();
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(poll(calm, "0", "0").statusCode()).isEqualTo(200);
    }

    private String registerAffiliate(User user) {
        return api(user).post("/api/v1/affiliates/register").then()
                .statusCode(org.hamcrest.Matchers.either(equalTo(200)).or(equalTo(201)))
                .extract().path("referral_token");
    }

    private JsonPath balances(User user) {
        return api(user).get("/api/v1/affiliates/balances").then().statusCode(200).extract().jsonPath();
    }

    /** Publishes a signal of {@code lots} of {@code instrument}, as the upstream Signals API would. */
    private Instant publishSignal(UUID signalId, UUID userId, String instrument, String side, String lots,
            String price) {
        Instant now = Instant.now();
        String data = JSON.createObjectNode()
                .put("signal_id", signalId.toString()).put("user_id", userId.toString())
                .put("instrument", instrument).put("side", side).put("order_type", "MARKET")
                .put("size", lots).put("price", price).putNull("stop_loss").putNull("take_profit")
                .put("issued_at", now.toString()).put("expires_at", now.plus(Duration.ofMinutes(10)).toString())
                .toString();
        TestKafka.publishCloudEvent(EventType.SIGNAL_ISSUED.topic(), userId.toString(), TestKafka.newEventId(),
                EventType.SIGNAL_ISSUED.type(), data);
        return now;
    }

    private static Map<String, Object> fill(UUID signalId, String tradeId, String price, String size) {
        return Map.of("signal_id", signalId.toString(), "trade_id", tradeId, "price", price, "size", size,
                "filled_at", Instant.now().toString());
    }

    private HttpResponse<String> report(DeviceClient terminal, String type, Map<String, Object> fields) {
        String reportId = type + "-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(fields);
        body.put("report_id", reportId);
        try {
            HttpResponse<String> answer = terminal.report(type, fields, Map.of("report-id", reportId));
            contract.check(answer, JSON.writeValueAsString(body));
            return answer;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> poll(DeviceClient terminal, String after, String waitSeconds) {
        try {
            HttpResponse<String> answer = terminal.poll(after, waitSeconds, "10");
            contract.check(answer, null);
            return answer;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertBalancesAddUp(JsonPath balances) {
        BigDecimal earned = new BigDecimal(balances.getString("earned"));
        BigDecimal accounted = new BigDecimal(balances.getString("held"))
                .add(new BigDecimal(balances.getString("available")))
                .add(new BigDecimal(balances.getString("reserved")))
                .add(new BigDecimal(balances.getString("paid")))
                .subtract(new BigDecimal(balances.getString("clawed_back")));
        assertThat(accounted).isEqualByComparingTo(earned);
    }

    /** Amounts are compared at the ledger's scale: 8 decimals, HALF_EVEN. */
    private static void assertDecimal(String actual, String expected) {
        assertThat(new BigDecimal(actual).setScale(8, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo(new BigDecimal(expected).setScale(8, RoundingMode.HALF_EVEN));
    }
}
