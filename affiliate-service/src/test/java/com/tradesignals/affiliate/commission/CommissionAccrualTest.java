package com.tradesignals.affiliate.commission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.affiliate.Programme;
import com.tradesignals.affiliate.TestClock;
import com.tradesignals.affiliate.TradingEvents;
import com.tradesignals.contracts.events.executions.ClosingFillRecorded;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Commissions on what the trader really traded: lots priced by the fee schedule (tests run with the defaults: FX
 * 10.00, METAL 15.00 per lot, CRYPTO 0.1 % of notional; XAGUSD 7.50 per lot), shared by the tier rates (Bronze:
 * 20 % on level 1, 5 % on level 2).
 */
@QuarkusTest
class CommissionAccrualTest {

    @Inject
    Programme programme;

    @Inject
    TradingEvents events;

    @Inject
    TestClock clock;

    @Test
    void fxFillsEarnPerLotToTheCent() {
        Tree tree = twoLevels();

        FillRecorded first = events.fill(tree.trader(), "EURUSD", "0.40", "1.08");
        FillRecorded second = events.fill(tree.trader(), "EURUSD", "0.60", "1.08");
        programme.awaitCommissions(first.fillId(), 2);
        programme.awaitCommissions(second.fillId(), 2);

        given().auth().oauth2(TestTokens.user(tree.referrer())).when().get("/api/v1/affiliates/history")
                .then().statusCode(200)
                .body("items.fill_id", contains(second.fillId().toString(), first.fillId().toString()))
                .body("items.amount", contains("1.20000000", "0.80000000"))
                .body("items.fee_base", contains("6.00000000", "4.00000000"))
                .body("items.instrument", contains("EURUSD", "EURUSD"))
                .body("items.lots", contains("0.60000000", "0.40000000"))
                .body("items.basis", contains("PER_LOT", "PER_LOT"))
                .body("items.basis_value", contains("10.0000000000", "10.0000000000"));
        given().auth().oauth2(TestTokens.user(tree.upper())).when().get("/api/v1/affiliates/history")
                .then().statusCode(200)
                .body("items.level", contains(2, 2))
                .body("items.amount", contains("0.30000000", "0.20000000"));
        programme.balances(tree.referrer()).then().body("earned", equalTo("2.00000000"));
        programme.balances(tree.upper()).then().body("earned", equalTo("0.50000000"));
        programme.assertBalancesConsistent(tree.referrer());
        programme.assertBalancesConsistent(tree.upper());
    }

    @Test
    void aClosingDealEarnsNothingWhereTheProgrammePaysOnOpeningFillsOnly() {
        Tree tree = twoLevels();
        FillRecorded opening = events.fill(tree.trader(), "EURUSD", "0.50", "1.08");
        programme.awaitCommissions(opening.fillId(), 2);

        String eventId = TestKafka.newEventId();
        ClosingFillRecorded close = events.closingFill(eventId, opening, "0.50", "0.50", "1.09");
        programme.awaitProcessed(eventId);

        assertThat(programme.count("select count(*) from commissions where fill_id = $1", close.closingFillId()))
                .isZero();
    }

    @Test
    void aMetalFillEarnsItsClassPerLotAndASymbolEntryOverridesItsClass() {
        Tree tree = twoLevels();

        // XAUUSD: 0.25 lots x 15.00 = 3.75; XAGUSD has its own entry in tests: 2 lots x 7.50 = 15.00.
        FillRecorded gold = events.fill(tree.trader(), "XAUUSD", "0.25", "2400.10");
        FillRecorded silver = events.fill(tree.trader(), "XAGUSD", "2", "30.5");
        programme.awaitCommissions(gold.fillId(), 2);
        programme.awaitCommissions(silver.fillId(), 2);

        assertCommission(gold, tree.referrer(), "0.75000000", "3.75000000", "PER_LOT", "15.0000000000");
        assertCommission(gold, tree.upper(), "0.18750000", "3.75000000", "PER_LOT", "15.0000000000");
        assertCommission(silver, tree.referrer(), "3.00000000", "15.00000000", "PER_LOT", "7.5000000000");
        assertCommission(silver, tree.upper(), "0.75000000", "15.00000000", "PER_LOT", "7.5000000000");
    }

    @Test
    void aCryptoFillEarnsARateOnItsNotional() {
        Tree tree = twoLevels();

        // 0.05 lots x 1 BTC x 65000.50 = 3250.025 notional; x 0.001 = 3.250025 fee base.
        FillRecorded fill = events.fill(tree.trader(), "BTCUSD", "0.05", "65000.50");
        programme.awaitCommissions(fill.fillId(), 2);

        assertCommission(fill, tree.referrer(), "0.65000500", "3.25002500", "NOTIONAL_RATE", "0.0010000000");
        assertCommission(fill, tree.upper(), "0.16250125", "3.25002500", "NOTIONAL_RATE", "0.0010000000");
        programme.assertBalancesConsistent(tree.referrer());
    }

    @Test
    void onlyTheCommissionableLotsOfAFillEarn() {
        Tree tree = twoLevels();

        FillRecorded capped = events.fill(tree.trader(), "EURUSD", "1.00", "0.30", "1.08");
        FillRecorded notCommissionable = events.fill(tree.trader(), "EURUSD", "0.50", "0", "1.08");
        FillRecorded marker = events.fill(tree.trader(), "EURUSD", "0.01", "1.08");
        programme.awaitCommissions(marker.fillId(), 2);

        assertCommission(capped, tree.referrer(), "0.60000000", "3.00000000", "PER_LOT", "10.0000000000");
        assertThat(programme.query("select lots from commissions where fill_id = $1 and level = 1", capped.fillId())
                .getBigDecimal(0)).isEqualByComparingTo("0.30");
        assertThat(programme.count("select count(*) from commissions where fill_id = $1",
                notCommissionable.fillId())).isZero();
        assertThat(programme.count("select count(*) from unpriced_fills where fill_id = $1",
                notCommissionable.fillId())).isZero();
    }

    @Test
    void aFillWithoutCommissionableSizeEarnsOnAllItsLots() {
        Tree tree = twoLevels();

        FillRecorded fill = events.fillWithoutCommissionableSize(tree.trader(), "EURUSD", "0.50", "1.08");
        programme.awaitCommissions(fill.fillId(), 2);

        assertCommission(fill, tree.referrer(), "1.00000000", "5.00000000", "PER_LOT", "10.0000000000");
        assertCommission(fill, tree.upper(), "0.25000000", "5.00000000", "PER_LOT", "10.0000000000");
    }

    @Test
    void aFillDeliveredTwiceOrReplayedAccruesOnce() {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        programme.claim(trader, programme.register(referrer)).then().statusCode(201);
        FillRecorded fill = events.fill(trader, "EURUSD", "0.50", "1.08");
        programme.awaitCommissions(fill.fillId(), 1);
        String eventId = TestKafka.newEventId();

        events.publish(eventId, fill);
        events.publish(eventId, fill);
        events.publish(TestKafka.newEventId(), fill);
        FillRecorded marker = events.fill(trader, "EURUSD", "0.50", "1.08");
        programme.awaitCommissions(marker.fillId(), 1);

        assertThat(programme.count("select count(*) from commissions where fill_id = $1", fill.fillId())).isEqualTo(1);
        assertThat(programme.balance(referrer, "earned")).isEqualByComparingTo("2.00");
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

        FillRecorded fill = events.fill(trader, "EURUSD", "1.00", "1.08");
        programme.awaitCommissions(fill.fillId(), 2);

        assertThat(programme.count("select count(*) from commissions where fill_id = $1 and referrer_id = $2 "
                + "and level = 1", fill.fillId(), lower)).isEqualTo(1);
        assertThat(programme.count("select count(*) from commissions where fill_id = $1 and referrer_id = $2 "
                + "and level = 2", fill.fillId(), upper)).isEqualTo(1);
        assertThat(programme.count("select count(*) from commissions where referrer_id = $1", top)).isZero();
    }

    @Test
    void aTierChangeAppliesFromTheFillThatQualifiesTheReferralOn() {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        UUID friend = UUID.randomUUID();
        String token = programme.register(referrer);
        programme.claim(trader, token).then().statusCode(201);
        programme.claim(friend, token).then().statusCode(201);

        // The trader's first fill activates them (1 activated referral: still Bronze).
        FillRecorded before = events.fill(trader, "EURUSD", "0.50", "1.08");
        programme.awaitCommissions(before.fillId(), 1);
        // The friend's first fill activates them: Silver (2 activated referrals in tests) applies to it already.
        FillRecorded qualifying = events.fill(friend, "EURUSD", "0.50", "1.08");
        programme.awaitCommissions(qualifying.fillId(), 1);
        FillRecorded after = events.fill(trader, "EURUSD", "0.50", "1.08");
        programme.awaitCommissions(after.fillId(), 1);

        // Fee base 5.00: Bronze pays 20 % on level 1, Silver 25 %.
        given().auth().oauth2(TestTokens.user(referrer)).when().get("/api/v1/affiliates/history")
                .then().statusCode(200)
                .body("items.fill_id", contains(after.fillId().toString(), qualifying.fillId().toString(),
                        before.fillId().toString()))
                .body("items.tier", contains(1, 1, 0))
                .body("items.rate", contains("0.25000000", "0.25000000", "0.20000000"))
                .body("items.amount", contains("1.25000000", "1.25000000", "1.00000000"));
        given().auth().oauth2(TestTokens.user(referrer)).when().get("/api/v1/affiliates/stats")
                .then().body("tier.name", equalTo("Silver")).body("tier.activated_referrals", equalTo(2));
    }

    @Test
    void aBustBeforePayoutRefundsTheCommission() {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        programme.claim(trader, programme.register(referrer)).then().statusCode(201);
        FillRecorded fill = events.fill(trader, "EURUSD", "0.50", "1.08");
        programme.awaitCommissions(fill.fillId(), 1);
        programme.assertBalancesConsistent(referrer);

        events.bust(fill);
        programme.awaitStatus(fill.fillId(), "REFUNDED", 1);
        events.bust(fill);
        FillRecorded marker = events.fill(trader, "EURUSD", "0.01", "1.08");
        programme.awaitCommissions(marker.fillId(), 1);

        programme.balances(referrer).then()
                .body("earned", equalTo("0.02000000"))
                .body("held", equalTo("0.02000000"))
                .body("clawed_back", equalTo("0.00000000"));
        programme.assertBalancesConsistent(referrer);
        given().auth().oauth2(TestTokens.user(referrer)).queryParam("status", "refunded")
                .when().get("/api/v1/affiliates/history")
                .then().statusCode(200).body("items.fill_id", contains(fill.fillId().toString()));
    }

    @Test
    void aBustAfterPayoutIsClawedBackFromTheNextPayout() {
        Programme.AvailableCommission earned = programme.availableCommission("30");
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
                .body("items.amount", contains("-60.00000000"))
                .body("items.instrument", contains("EURUSD"))
                .body("items.lots", contains("30.00000000"));

        FillRecorded next = events.fill(trader, "EURUSD", "60", "1.08");
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

    /** upper ← referrer ← trader: the trader's fills earn the referrer (level 1) and upper (level 2). */
    private Tree twoLevels() {
        UUID upper = UUID.randomUUID();
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        String upperToken = programme.register(upper);
        String referrerToken = programme.register(referrer);
        programme.claim(referrer, upperToken).then().statusCode(201);
        programme.claim(trader, referrerToken).then().statusCode(201);
        return new Tree(upper, referrer, trader);
    }

    private void assertCommission(FillRecorded fill, UUID beneficiary, String amount, String feeBase, String basis,
            String basisValue) {
        Row row = programme.query("select amount, fee_base, basis, basis_value, instrument from commissions "
                + "where fill_id = $1 and referrer_id = $2", fill.fillId(), beneficiary);
        assertThat(row.getBigDecimal(0).toPlainString()).isEqualTo(amount);
        assertThat(row.getBigDecimal(1).toPlainString()).isEqualTo(feeBase);
        assertThat(row.getString(2)).isEqualTo(basis);
        assertThat(row.getBigDecimal(3).toPlainString()).isEqualTo(basisValue);
        assertThat(row.getString(4)).isEqualTo(fill.instrument());
    }

    private record Tree(UUID upper, UUID referrer, UUID trader) {
    }
}
