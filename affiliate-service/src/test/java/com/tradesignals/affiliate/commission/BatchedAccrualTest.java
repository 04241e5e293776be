package com.tradesignals.affiliate.commission;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.affiliate.Programme;
import com.tradesignals.affiliate.TestClock;
import com.tradesignals.affiliate.TradingEvents;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.executions.FillBusted;
import com.tradesignals.contracts.events.executions.FillRecorded;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A batch of the executions topic is applied in one transaction, and gives exactly what its records applied one by
 * one give: a duplicated fill accrues once, a fill busted later in the batch is refunded, and a fill that qualifies
 * the referral that lifts its referrer to the next tier earns at that tier, as do the later fills of the batch.
 * Terms of the tests: FX 10.00 per lot; Bronze 20 % / 5 %, Silver (2 activated referrals in the test profile)
 * 25 % / 5 %.
 */
@QuarkusTest
class BatchedAccrualTest {

    @Inject
    Programme programme;

    @Inject
    TradingEvents events;

    @Inject
    AccrualService accruals;

    @Inject
    TestClock clock;

    @Test
    void aBatchAccruesWhatItsRecordsOneByOneAccrue() throws Throwable {
        Tree tree = threeTraders();
        List<IntegrationEvent> batch = storyOf(tree);

        apply(batch);

        assertExpectedLedger(tree);
    }

    @Test
    void theSameRecordsOneByOneGiveTheSameLedger() throws Throwable {
        Tree tree = threeTraders();
        for (IntegrationEvent event : storyOf(tree)) {
            apply(List.of(event));
        }

        assertExpectedLedger(tree);
    }

    @Test
    void aReplayedBatchChangesNothing() throws Throwable {
        Tree tree = threeTraders();
        List<IntegrationEvent> batch = storyOf(tree);
        apply(batch);

        apply(batch);

        assertExpectedLedger(tree);
    }

    /**
     * A batch's entries share their times, and a payout still pays them oldest first, in the order of their fills:
     * fills of 10 to 60 lots earn the referrer 20.00 to 120.00, and a payout of 120.00 pays exactly the first three.
     */
    @Test
    void aPayoutPaysTheEntriesOfABatchInTheOrderOfTheirFills() throws Throwable {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        programme.claim(trader, programme.register(referrer)).then().statusCode(201);
        programme.setBankAccount(referrer);
        List<FillRecorded> fills = IntStream.rangeClosed(1, 6).mapToObj(tens -> fill(trader, tens + "0.00")).toList();
        apply(List.copyOf(fills));
        clock.advance(Duration.ofDays(8));

        programme.requestPayout(referrer, "120.00", null).then().statusCode(201);
        programme.processPayouts();

        for (int index = 0; index < fills.size(); index++) {
            programme.awaitStatus(fills.get(index).fillId(), index < 3 ? "PAID" : "ACCRUED", 1);
        }
    }

    /**
     * In one batch: A (the first trader's first fill, their referral activates: the referrer has 1 activated
     * referral), A again, B (the second trader's, 2 activated: Silver from this fill on), the bust of B, C (the first
     * trader again, two lots, at Silver) and D (the third trader's first fill).
     */
    private List<IntegrationEvent> storyOf(Tree tree) {
        FillRecorded a = fill(tree.traders().get(0), "1.00");
        FillRecorded b = fill(tree.traders().get(1), "1.00");
        FillRecorded c = fill(tree.traders().get(0), "2.00");
        FillRecorded d = fill(tree.traders().get(2), "1.00");
        FillBusted bustOfB = new FillBusted(b.fillId(), b.signalId(), b.tradeId(), b.userId(), b.deviceId(), b.size(),
                b.price(), b.notional(), "trade reversed", Instant.now());
        tree.fills().addAll(List.of(a, b, c, d));
        return List.of(a, a, b, bustOfB, c, d);
    }

    private void assertExpectedLedger(Tree tree) {
        List<FillRecorded> fills = tree.fills();
        // level 1 (the referrer): Bronze 20 % of 10.00 for A, Silver 25 % from B on (of 20.00 for C)
        String[] referrerAmounts = { "2.00000000", "2.50000000", "5.00000000", "2.50000000" };
        int[] referrerTiers = { 0, 1, 1, 1 };
        // level 2 (the upper affiliate, no activated referral of their own): Bronze 5 %
        String[] upperAmounts = { "0.50000000", "0.50000000", "1.00000000", "0.50000000" };
        for (int index = 0; index < fills.size(); index++) {
            UUID fillId = fills.get(index).fillId();
            String expectedStatus = index == 1 ? "REFUNDED" : "ACCRUED";
            assertThat(programme.count("select count(*) from commissions where fill_id = $1", fillId))
                    .as("entries of fill %d", index).isEqualTo(2);
            var referrer = programme.query("select amount, tier, status from commissions where fill_id = $1 "
                    + "and level = 1 and referrer_id = $2", fillId, tree.referrer());
            assertThat(referrer.getBigDecimal(0)).as("level 1 of fill %d", index)
                    .isEqualByComparingTo(referrerAmounts[index]);
            assertThat(referrer.getInteger(1)).as("tier of level 1 of fill %d", index).isEqualTo(referrerTiers[index]);
            assertThat(referrer.getString(2)).isEqualTo(expectedStatus);
            var upper = programme.query("select amount, tier, status from commissions where fill_id = $1 "
                    + "and level = 2 and referrer_id = $2", fillId, tree.upper());
            assertThat(upper.getBigDecimal(0)).as("level 2 of fill %d", index).isEqualByComparingTo(upperAmounts[index]);
            assertThat(upper.getInteger(1)).isZero();
            assertThat(upper.getString(2)).isEqualTo(expectedStatus);
        }
        // 9.50 = 2.00 + 5.00 + 2.50 (B refunded); 2.00 = 0.50 + 1.00 + 0.50
        assertThat(programme.balance(tree.referrer(), "earned")).isEqualByComparingTo("9.50");
        assertThat(programme.balance(tree.upper(), "earned")).isEqualByComparingTo("2.00");
        var referrerRow = programme.query("select activated_referrals, commission_tier from affiliates where user_id = $1",
                tree.referrer());
        assertThat(referrerRow.getInteger(0)).isEqualTo(3);
        assertThat(referrerRow.getInteger(1)).isEqualTo(1);
        assertThat(programme.count("select count(*) from audit_log where action = 'commission.accrued' "
                + "and target = $1", "affiliate:" + tree.referrer())).isEqualTo(4);
        assertThat(programme.count("select count(*) from audit_log where action = 'commission.refunded' "
                + "and target = $1", "affiliate:" + tree.referrer())).isEqualTo(1);
        programme.assertBalancesConsistent(tree.referrer());
        programme.assertBalancesConsistent(tree.upper());
    }

    private FillRecorded fill(UUID trader, String lots) {
        return events.unpublishedFill(trader, "EURUSD", lots, lots, "1.08");
    }

    private void apply(List<IntegrationEvent> batch) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> accruals.applyAll(batch)));
    }

    /** upper ← referrer ← three traders, every referral pending. */
    private Tree threeTraders() {
        UUID upper = UUID.randomUUID();
        UUID referrer = UUID.randomUUID();
        String token = programme.register(referrer);
        programme.claim(referrer, programme.register(upper)).then().statusCode(201);
        List<UUID> traders = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            UUID trader = UUID.randomUUID();
            programme.claim(trader, token).then().statusCode(201);
            traders.add(trader);
        }
        assertThat(programme.balance(referrer, "earned")).isEqualByComparingTo(BigDecimal.ZERO);
        return new Tree(upper, referrer, traders, new ArrayList<>());
    }

    private record Tree(UUID upper, UUID referrer, List<UUID> traders, List<FillRecorded> fills) {
    }
}
