package com.tradesignals.affiliate.commission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.affiliate.Programme;
import com.tradesignals.affiliate.TestClock;
import com.tradesignals.affiliate.TradingEvents;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommissionAccrualTest {

    @Inject
    Programme programme;

    @Inject
    TradingEvents events;

    @Inject
    TestClock clock;

    @Test
    void aFillDeliveredTwiceOrReplayedAccruesOnce() {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        programme.claim(trader, programme.register(referrer)).then().statusCode(201);
        FillRecorded fill = new FillRecorded(UUID.randomUUID(), UUID.randomUUID(), "T-1", trader, UUID.randomUUID(),
                "EURUSD", Side.SELL, BigDecimal.ONE, new BigDecimal("100000"),
                new BigDecimal("100000"), Instant.now());
        String eventId = TestKafka.newEventId();

        events.publish(eventId, fill);
        events.publish(eventId, fill);
        events.publish(TestKafka.newEventId(), fill);
        FillRecorded marker = events.fill(trader, "100000");
        programme.awaitCommissions(marker.fillId(), 1);
        events.publish(eventId, fill);
        FillRecorded secondMarker = events.fill(trader, "100000");
        programme.awaitCommissions(secondMarker.fillId(), 1);

        assertThat(programme.count("select count(*) from commissions where fill_id = $1", fill.fillId())).isEqualTo(1);
        assertThat(programme.balance(referrer, "earned")).isEqualByComparingTo("30.00");
        programme.assertBalancesConsistent(referrer);
    }

    @Test
    void onlyTheConfiguredNumberOfLevelsEarns() {
        UUID top = UUID.randomUUID();
        UUID upper = UUID.randomUUID();
        UUID lower = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        String topToken = programme.register(top);
        String upperToken = programme.register(upper);
        String lowerToken = programme.register(lower);
        programme.claim(upper, topToken).then().statusCode(201);
        programme.claim(lower, upperToken).then().statusCode(201);
        programme.claim(trader, lowerToken).then().statusCode(201);

        FillRecorded fill = events.fill(trader, "100000");
        programme.awaitCommissions(fill.fillId(), 2);

        assertThat(programme.count("select count(*) from commissions where fill_id = $1 and referrer_id = $2 "
                + "and level = 1", fill.fillId(), lower)).isEqualTo(1);
        assertThat(programme.count("select count(*) from commissions where fill_id = $1 and referrer_id = $2 "
                + "and level = 2", fill.fillId(), upper)).isEqualTo(1);
        assertThat(programme.count("select count(*) from commissions where referrer_id = $1", top)).isZero();
    }

    @Test
    void aTierChangeAppliesToLaterFillsOnly() {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        UUID friend = UUID.randomUUID();
        String token = programme.register(referrer);
        programme.claim(trader, token).then().statusCode(201);
        programme.claim(friend, token).then().statusCode(201);
        events.deviceRegistered(trader);
        programme.awaitActivated(trader);

        FillRecorded before = events.fill(trader, "100000");
        programme.awaitCommissions(before.fillId(), 1);
        events.deviceRegistered(friend);
        programme.awaitActivated(friend);
        FillRecorded after = events.fill(trader, "100000");
        programme.awaitCommissions(after.fillId(), 1);

        // Fee base 50: Bronze pays 20 % on level 1, Silver (2 activated referrals in tests) 25 %.
        given().auth().oauth2(TestTokens.user(referrer)).when().get("/api/v1/affiliates/history")
                .then().statusCode(200)
                .body("items.fill_id", contains(after.fillId().toString(), before.fillId().toString()))
                .body("items.tier", contains(1, 0))
                .body("items.rate", contains("0.25000000", "0.20000000"))
                .body("items.amount", contains("12.50000000", "10.00000000"));
        given().auth().oauth2(TestTokens.user(referrer)).when().get("/api/v1/affiliates/stats")
                .then().body("tier.name", equalTo("Silver")).body("tier.activated_referrals", equalTo(2));
    }

    @Test
    void aBustBeforePayoutRefundsTheCommission() {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        programme.claim(trader, programme.register(referrer)).then().statusCode(201);
        FillRecorded fill = events.fill(trader, "100000");
        programme.awaitCommissions(fill.fillId(), 1);
        programme.assertBalancesConsistent(referrer);

        events.bust(fill);
        programme.awaitStatus(fill.fillId(), "REFUNDED", 1);
        events.bust(fill);
        FillRecorded marker = events.fill(trader, "2000");
        programme.awaitCommissions(marker.fillId(), 1);

        programme.balances(referrer).then()
                .body("earned", equalTo("0.20000000"))
                .body("held", equalTo("0.20000000"))
                .body("clawed_back", equalTo("0.00000000"));
        programme.assertBalancesConsistent(referrer);
        given().auth().oauth2(TestTokens.user(referrer)).queryParam("status", "refunded")
                .when().get("/api/v1/affiliates/history")
                .then().statusCode(200).body("items.fill_id", contains(fill.fillId().toString()));
    }

    @Test
    void aBustAfterPayoutIsClawedBackFromTheNextPayout() {
        Programme.AvailableCommission earned = programme.availableCommission("600000");
        UUID referrer = earned.referrer();
        UUID trader = earned.trader();
        FillRecorded paid = earned.fill();
        programme.requestPayout(referrer, "60.00", null).then().statusCode(201);
        programme.processPayouts();
        programme.awaitStatus(paid.fillId(), "PAID", 1);

        events.bust(paid);
        programme.awaitStatus(paid.fillId(), "CLAWED_BACK", 1);
        programme.balances(referrer).then()
                .body("earned", equalTo("60.00000000"))
                .body("paid", equalTo("60.00000000"))
                .body("clawed_back", equalTo("-60.00000000"))
                .body("available", equalTo("-60.00000000"));
        programme.assertBalancesConsistent(referrer);
        given().auth().oauth2(TestTokens.user(referrer)).queryParam("status", "outstanding")
                .when().get("/api/v1/affiliates/history")
                .then().statusCode(200)
                .body("items.entry_type", contains("CLAWBACK"))
                .body("items.amount", contains("-60.00000000"));

        FillRecorded next = events.fill(trader, "1200000");
        programme.awaitCommissions(next.fillId(), 1);
        clock.advance(Duration.ofDays(8));
        programme.balances(referrer).then().body("available", equalTo("60.00000000"));
        programme.requestPayout(referrer, "60.00", null).then().statusCode(201);
        programme.processPayouts();

        programme.awaitStatus(next.fillId(), "PAID", 1);
        assertThat(programme.count("select count(*) from commissions where referrer_id = $1 and entry_type = 'CLAWBACK' "
                + "and status = 'SETTLED'", referrer)).isEqualTo(1);
        programme.balances(referrer).then()
                .body("earned", equalTo("180.00000000"))
                .body("paid", equalTo("120.00000000"))
                .body("available", equalTo("0.00000000"));
        programme.assertBalancesConsistent(referrer);
    }
}
