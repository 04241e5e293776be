package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.deviceclient.DeviceClient;
import com.tradesignals.testsupport.TestKafka;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh two-level referral with a trading terminal: {@code upline} referred {@code referrer}, who referred
 * {@code trader}, whose registered device fills one large EURUSD signal in 0.10-lot trades. Each applied fill has a
 * fee base of 0.10 × 10.00 = 1.00: the referrer earns 20 % (0.20), the upline 5 % (0.05).
 */
final class ReferredTrader {

    static final String LOTS_PER_FILL = "0.10";
    static final BigDecimal REFERRER_PER_FILL = new BigDecimal("0.20");
    static final BigDecimal UPLINE_PER_FILL = new BigDecimal("0.05");
    private static final String SIGNAL_LOTS = "100.00";
    private static final String SIGNAL_PRICE = "1.08345";
    private static final String FILL_PRICE = "1.08350";
    private static final ObjectMapper JSON = new ObjectMapper();

    final User upline;
    final User referrer;
    final User trader;
    final UUID signalId = UUID.randomUUID();
    private final DeviceClient terminal;

    private ReferredTrader(User upline, User referrer, User trader, DeviceClient terminal) {
        this.upline = upline;
        this.referrer = referrer;
        this.trader = trader;
        this.terminal = terminal;
    }

    /** Signs the three up, links the trader's terminal and waits until execution-service accepts its reports. */
    static ReferredTrader signUp(SystemUnderTest system, Path storage) throws IOException, InterruptedException {
        User upline = User.signUp(system);
        User referrer = User.signUp(system);
        User trader = User.signUp(system);
        referrer.api().body(Map.of("token", registerAffiliate(upline))).post("/api/v1/affiliates/referrals")
                .then().statusCode(201);
        trader.api().body(Map.of("token", registerAffiliate(referrer))).post("/api/v1/affiliates/referrals")
                .then().statusCode(201);
        DeviceClient terminal = new DeviceClient(URI.create(system.gateway), storage.resolve(trader.id() + ".json"));
        assertThat(terminal.register(trader.token(), "terminal").statusCode()).isEqualTo(201);
        ReferredTrader chain = new ReferredTrader(upline, referrer, trader, terminal);
        chain.publishSignal();
        // Long after a fault: a killed execution-service's partitions stay with its dead group member until that
        // member's session (45 s) expires, and the rebalances that follow; measured up to ~100 s after a restart.
        // An ack before the signal is consumed is answered 202, and so is every resend of it: then the status tells.
        await("execution-service knows the device").atMost(Duration.ofSeconds(150))
                .until(() -> chain.report("ack", Map.of("signal_id", chain.signalId.toString()), "ack-" + chain.signalId)
                        .statusCode() / 100 == 2);
        await("execution-service knows the signal").atMost(Duration.ofSeconds(150))
                .until(() -> terminal.signed("GET", "/api/v1/exec/status/" + chain.signalId, "", null).statusCode() == 200);
        return chain;
    }

    /**
     * Reports the fill {@code tradeId} as a terminal does, the same report each time it is resent (a terminal
     * resends until it has an answer).
     */
    HttpResponse<String> fill(String tradeId) throws IOException, InterruptedException {
        return fill(tradeId, FILL_PRICE);
    }

    /** The same at {@code price}: one far from the signal's (1.08345) is flagged for review, not applied. */
    HttpResponse<String> fill(String tradeId, String price) throws IOException, InterruptedException {
        return report("fill", Map.of("signal_id", signalId.toString(), "trade_id", tradeId, "price", price,
                "size", LOTS_PER_FILL, "filled_at", Instant.now().toString()), "fill-" + tradeId);
    }

    /** The trade ids execution-service lists for the signal, as often as it lists each. */
    List<String> tradeIdsListed() throws IOException, InterruptedException {
        HttpResponse<String> status = terminal.signed("GET", "/api/v1/exec/status/" + signalId, "", null);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        return JsonPath.from(status.body()).getList("executions.fills.flatten().trade_id", String.class);
    }

    static JsonPath balances(User user) {
        return user.api().get("/api/v1/affiliates/balances").then().statusCode(200).extract().jsonPath();
    }

    private HttpResponse<String> report(String type, Map<String, Object> fields, String reportId)
            throws IOException, InterruptedException {
        return terminal.report(type, fields, Map.of("report-id", reportId));
    }

    private void publishSignal() {
        Instant now = Instant.now();
        String data = JSON.createObjectNode()
                .put("signal_id", signalId.toString()).put("user_id", trader.id().toString())
                .put("instrument", "EURUSD").put("side", "BUY").put("order_type", "MARKET")
                .put("size", SIGNAL_LOTS).put("price", SIGNAL_PRICE).putNull("stop_loss").putNull("take_profit")
                .put("issued_at", now.toString()).put("expires_at", now.plus(Duration.ofMinutes(30)).toString())
                .toString();
        TestKafka.publishCloudEvent(EventType.SIGNAL_ISSUED.topic(), trader.id().toString(), TestKafka.newEventId(),
                EventType.SIGNAL_ISSUED.type(), data);
    }

    private static String registerAffiliate(User user) {
        return user.api().post("/api/v1/affiliates/register").then()
                .statusCode(either(equalTo(200)).or(equalTo(201))).extract().path("referral_token");
    }
}
