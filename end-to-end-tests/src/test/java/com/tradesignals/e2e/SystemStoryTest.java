package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.deviceclient.DeviceClient;
import com.tradesignals.testsupport.TestKafka;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's story, told only through the gateway as client apps and a terminal tell it: a two-level
 * referral, a device, a signal delivered to a parked long poll, an execution filled in two parts,
 * commissions for both referrers, a payout, an unlinked device, and a bust that claws commissions back.
 */
class SystemStoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal FEE_RATE = new BigDecimal("0.0005");
    private static final BigDecimal LEVEL_1_RATE = new BigDecimal("0.20");
    private static final BigDecimal LEVEL_2_RATE = new BigDecimal("0.05");

    private final SystemUnderTest system = SystemUnderTest.shared();

    @TempDir
    Path deviceStorage;

    @Test
    void referralDeviceSignalFillsCommissionsPayoutUnlinkAndBust() throws Exception {
        User alice = User.signUp(system);
        User bob = User.signUp(system);
        User carol = User.signUp(system);

        // Referral tree: Alice -> Bob -> Carol.
        String aliceToken = registerAffiliate(alice);
        bob.api().body(Map.of("token", aliceToken)).post("/api/v1/affiliates/referrals").then().statusCode(201);
        String bobToken = registerAffiliate(bob);
        carol.api().body(Map.of("token", bobToken)).post("/api/v1/affiliates/referrals").then().statusCode(201);

        // Carol links her terminal: the reference device client registers it through the gateway.
        DeviceClient terminal = new DeviceClient(URI.create(system.gateway), deviceStorage.resolve("carol.json"));
        HttpResponse<String> registered = terminal.register(carol.token(), "MT5 Carol");
        assertThat(registered.statusCode()).isEqualTo(201);
        String deviceId = JSON.readTree(registered.body()).get("device_id").asText();
        await("Carol's referral activates").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                bob.api().get("/api/v1/affiliates/referrals").then().statusCode(200)
                        .body("items.find { it.referred_user_id == '" + carol.id() + "' }.status", equalTo("ACTIVATED")));

        // A signal for Carol reaches her terminal's parked long poll.
        CompletableFuture<HttpResponse<String>> parkedPoll = CompletableFuture.supplyAsync(() -> poll(terminal, "0", "25"));
        UUID signalId = UUID.randomUUID();
        Instant published = publishSignal(signalId, carol.id(), "BUY", "100000", "1.08345");
        HttpResponse<String> delivery = parkedPoll.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(delivery.statusCode()).isEqualTo(200);
        JsonNode delivered = JSON.readTree(delivery.body()).get("deliveries").get(0);
        assertThat(delivered.get("signal_id").asText()).isEqualTo(signalId.toString());
        assertThat(Duration.between(published, Instant.now())).isLessThan(Duration.ofSeconds(10));

        // Ack, two partial fills, FILLED with the average price computed from the fills.
        await("execution-service knows the signal and the device").atMost(Duration.ofSeconds(30))
                .until(() -> report(terminal, "ack", Map.of("signal_id", signalId.toString())).statusCode() == 200);
        assertThat(report(terminal, "fill", fill(signalId, "T-1", "1.08350", "40000")).statusCode()).isEqualTo(200);
        assertThat(report(terminal, "fill", fill(signalId, "T-2", "1.08360", "60000")).statusCode()).isEqualTo(200);
        JsonPath status = JsonPath.from(terminal.signed("GET", "/api/v1/exec/status/" + signalId, "", null).body());
        assertThat(status.getString("executions[0].state")).isEqualTo("FILLED");
        assertThat(status.getString("executions[0].cumulative_size")).satisfies(size -> assertDecimal(size, "100000"));
        assertThat(status.getString("executions[0].leaves_size")).satisfies(size -> assertDecimal(size, "0"));
        assertThat(status.getString("executions[0].average_price")).satisfies(price -> assertDecimal(price, "1.08356"));
        String firstFillId = status.getString("executions[0].fills.find { it.trade_id == 'T-1' }.fill_id");

        // Commissions: Bob (level 1) and Alice (level 2) on each fill's fee base (notional x fee rate).
        BigDecimal feeOfFirst = new BigDecimal("40000").multiply(new BigDecimal("1.08350")).multiply(FEE_RATE);
        BigDecimal feeOfSecond = new BigDecimal("60000").multiply(new BigDecimal("1.08360")).multiply(FEE_RATE);
        BigDecimal bobEarns = feeOfFirst.multiply(LEVEL_1_RATE).add(feeOfSecond.multiply(LEVEL_1_RATE));
        BigDecimal aliceEarns = feeOfFirst.multiply(LEVEL_2_RATE).add(feeOfSecond.multiply(LEVEL_2_RATE));
        await("commissions accrue").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertDecimal(balances(bob).getString("earned"), bobEarns.toPlainString());
            assertDecimal(balances(alice).getString("earned"), aliceEarns.toPlainString());
        });

        // Bob says where his payouts go (answered masked), is paid out (no holding period in this system), and the
        // scheduled job completes the payout, which names the account it went to.
        bob.api().body(Map.of("type", "BANK_TRANSFER", "iban", "GB82 WEST 1234 5698 7654 32", "holder_name", "Bob"))
                .put("/api/v1/affiliates/payout-method").then().statusCode(201).body("iban", equalTo("GB****5432"));
        String payoutId = bob.api().header("Idempotency-Key", "bob-first-payout").body(Map.of("amount", "10.00"))
                .post("/api/v1/affiliates/payout").then().statusCode(201).extract().path("payout_id");
        await("the payout completes").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                bob.api().get("/api/v1/affiliates/payouts/" + payoutId).then().statusCode(200)
                        .body("status", equalTo("COMPLETED")).body("payout_method.masked", equalTo("GB****5432")));
        JsonPath bobBalances = balances(bob);
        assertDecimal(bobBalances.getString("paid"), "10.00");
        assertBalancesAddUp(bobBalances);

        // Carol unlinks the terminal: its next poll and, once execution-service has heard, its reports are refused.
        carol.api().delete("/api/v1/devices/" + deviceId).then().statusCode(204);
        assertThat(poll(terminal, "1", "0").statusCode()).isEqualTo(401);
        await("execution-service hears of the revocation").atMost(Duration.ofSeconds(30)).until(() ->
                report(terminal, "fill", fill(signalId, "T-3", "1.08370", "1")).statusCode() == 401);

        // An administrator busts the first fill: Bob's and Alice's commissions on it are clawed back.
        User admin = User.admin(system);
        admin.api().body(Map.of("reason", "broker cancelled ticket T-1"))
                .post("/api/v1/exec/admin/fills/" + firstFillId + "/bust").then().statusCode(200);
        // What each keeps is what the second fill earned: a refunded commission leaves `earned`, a paid one
        // stays in it and comes back as a (negative) clawback entry netted against future payouts.
        BigDecimal bobKeeps = feeOfSecond.multiply(LEVEL_1_RATE);
        BigDecimal aliceKeeps = feeOfSecond.multiply(LEVEL_2_RATE);
        await("the bust claws commissions back").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath bobAfterBust = balances(bob);
            JsonPath aliceAfterBust = balances(alice);
            assertDecimal(netEarnings(bobAfterBust).toPlainString(), bobKeeps.toPlainString());
            assertDecimal(netEarnings(aliceAfterBust).toPlainString(), aliceKeeps.toPlainString());
            assertBalancesAddUp(bobAfterBust);
            assertBalancesAddUp(aliceAfterBust);
        });
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
        someone.api().get("/api/v1/devices").then().statusCode(200).header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
        someone.api().header("X-Request-Id", "client-chosen-id").get("/api/v1/devices").then()
                .header("X-Request-Id", equalTo("client-chosen-id"));
    }

    private String registerAffiliate(User user) {
        return user.api().post("/api/v1/affiliates/register").then().statusCode(org.hamcrest.Matchers.either(equalTo(200)).or(equalTo(201)))
                .extract().path("referral_token");
    }

    private JsonPath balances(User user) {
        return user.api().get("/api/v1/affiliates/balances").then().statusCode(200).extract().jsonPath();
    }

    private Instant publishSignal(UUID signalId, UUID userId, String side, String size, String price) {
        Instant now = Instant.now();
        String data = JSON.createObjectNode()
                .put("signal_id", signalId.toString()).put("user_id", userId.toString())
                .put("instrument", "EURUSD").put("side", side).put("order_type", "MARKET")
                .put("size", size).put("price", price).putNull("stop_loss").putNull("take_profit")
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

    private static HttpResponse<String> report(DeviceClient terminal, String type, Map<String, Object> fields) {
        try {
            return terminal.report(type, fields, Map.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> poll(DeviceClient terminal, String after, String waitSeconds) {
        try {
            return terminal.poll(after, waitSeconds, "10");
        } catch (Exception e) {
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
