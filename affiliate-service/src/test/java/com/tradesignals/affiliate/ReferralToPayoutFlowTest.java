package com.tradesignals.affiliate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The seed's referral flow, from a link to money paid, with the balances checked at every step. */
@QuarkusTest
class ReferralToPayoutFlowTest {

    @Inject
    Programme programme;

    @Inject
    TradingEvents events;

    @Inject
    TestClock clock;

    @Test
    void aReferredTradersFillPaysTheReferrerChainAfterTheHoldingPeriod() {
        UUID top = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        UUID trader = UUID.randomUUID();

        String topToken = programme.register(top);
        assertThat(topToken).matches("[A-Za-z0-9_-]{22}");
        given().auth().oauth2(TestTokens.user(top)).when().post("/api/v1/affiliates/register")
                .then().statusCode(200).body("referral_token", equalTo(topToken));
        given().auth().oauth2(TestTokens.user(top)).when().get("/api/v1/affiliates/link")
                .then().statusCode(200)
                .body("token", equalTo(topToken))
                .body("link", equalTo("https://tradesignals.dev/join?ref=" + topToken));

        String middleToken = programme.register(middle);
        programme.claim(middle, topToken).then().statusCode(201)
                .body("status", equalTo("PENDING")).body("referrer_id", equalTo(top.toString()));
        programme.claim(trader, middleToken).then().statusCode(201).body("status", equalTo("PENDING"));

        // The trader's first fill, not a device, qualifies the referral. Fee base 10.00 per EURUSD lot: level 1
        // (Bronze) earns 20 %, level 2 (Bronze) 5 %.
        FillRecorded first = events.fill(trader, "EURUSD", "12.40", "1.08");
        FillRecorded fill = events.fill(trader, "EURUSD", "17.60", "1.08");
        programme.awaitCommissions(first.fillId(), 2);
        programme.awaitCommissions(fill.fillId(), 2);
        programme.awaitActivated(trader);
        given().auth().oauth2(TestTokens.user(top)).when().get("/api/v1/affiliates/stats")
                .then().statusCode(200)
                .body("referrals.level", contains(1, 2))
                .body("referrals.pending", contains(1, 0))
                .body("referrals.activated", contains(0, 1));

        given().auth().oauth2(TestTokens.user(middle)).when().get("/api/v1/affiliates/history")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].level", equalTo(1))
                .body("items[0].tier", equalTo(0))
                .body("items[0].rate", equalTo("0.20000000"))
                .body("items[0].instrument", equalTo("EURUSD"))
                .body("items[0].lots", equalTo("17.60000000"))
                .body("items[0].fee_base", equalTo("176.00000000"))
                .body("items.amount", contains("35.20000000", "24.80000000"))
                .body("items[0].status", equalTo("HELD"))
                .body("items[0].fill_id", equalTo(fill.fillId().toString()));
        given().auth().oauth2(TestTokens.user(top)).when().get("/api/v1/affiliates/history")
                .then().statusCode(200)
                .body("items.level", contains(2, 2))
                .body("items.rate", contains("0.05000000", "0.05000000"))
                .body("items.amount", contains("8.80000000", "6.20000000"));
        programme.balances(middle).then().body("earned", equalTo("60.00000000")).body("held", equalTo("60.00000000"))
                .body("available", equalTo("0.00000000"));
        programme.assertBalancesConsistent(middle);
        programme.assertBalancesConsistent(top);
        programme.requestPayout(middle, "60.00", null).then().statusCode(422)
                .body("type", equalTo("/problems/no-payout-method"));
        programme.setBankAccount(middle);
        programme.requestPayout(middle, "60.00", null).then().statusCode(422)
                .body("type", equalTo("/problems/insufficient-available-balance"));

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        programme.balances(middle).then().body("held", equalTo("0.00000000")).body("available", equalTo("60.00000000"));
        programme.assertBalancesConsistent(middle);

        String payoutId = programme.requestPayout(middle, "60.00", "flow-" + middle).then().statusCode(201)
                .body("status", equalTo("PENDING")).body("amount", equalTo("60.00000000"))
                .extract().path("payout_id");
        programme.balances(middle).then().body("reserved", equalTo("60.00000000"))
                .body("available", equalTo("0.00000000"));
        programme.assertBalancesConsistent(middle);

        assertThat(programme.processPayouts()).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(TestTokens.user(middle)).when().get("/api/v1/affiliates/payouts")
                .then().statusCode(200)
                .body("items.payout_id", contains(payoutId))
                .body("items[0].status", equalTo("COMPLETED"))
                .body("items[0].reference", matchesPattern("SIM-.+"))
                .body("items[0].payout_method.type", equalTo("BANK_TRANSFER"))
                .body("items[0].payout_method.masked", equalTo("DE****3000"));
        programme.balances(middle).then()
                .body("earned", equalTo("60.00000000"))
                .body("paid", equalTo("60.00000000"))
                .body("reserved", equalTo("0.00000000"))
                .body("available", equalTo("0.00000000"));
        programme.assertBalancesConsistent(middle);
        given().auth().oauth2(TestTokens.user(middle)).when().get("/api/v1/affiliates/history")
                .then().body("items.status", contains("PAID", "PAID"))
                .body("items.payout_id", contains(payoutId, payoutId));

        given().auth().oauth2(TestTokens.user(middle)).when().get("/api/v1/affiliates/stats")
                .then().statusCode(200)
                .body("tier.number", equalTo(0))
                .body("tier.name", equalTo("Bronze"))
                .body("tier.activated_referrals", equalTo(1))
                .body("tier.next_tier.name", equalTo("Silver"))
                .body("tier.next_tier.referrals_to_go", equalTo(1))
                .body("earnings_by_month[0].earned", equalTo("60.00000000"))
                .body("balances.paid", equalTo("60.00000000"));

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("affiliate_commissions_accrued_total{level=\"2\"}"))
                .body(containsString("affiliate_payouts_total{status=\"COMPLETED\"}"));

        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(Topics.AFFILIATES);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(records.getRecords()).anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo(middle.toString());
                    assertThat(header(record, "ce_type")).isEqualTo("affiliate.commission-accrued.v1");
                    assertThat(record.value()).contains("\"fill_id\":\"" + fill.fillId() + "\"")
                            .contains("\"amount\":\"35.20000000\"");
                });
                assertThat(records.getRecords()).anySatisfy(record -> {
                    assertThat(header(record, "ce_type")).isEqualTo("affiliate.payout-status-changed.v1");
                    assertThat(record.value()).contains(payoutId).contains("\"status\":\"COMPLETED\"");
                });
            });
            records.stop();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
