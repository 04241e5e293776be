package com.tradesignals.affiliate.commission;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.affiliate.Programme;
import com.tradesignals.affiliate.TradingEvents;
import com.tradesignals.contracts.events.executions.ClosingFillRecorded;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code affiliates.commission-sides=both}: a position's closing deals earn like its opening fills. */
@QuarkusTest
@TestProfile(ClosingFillCommissionTest.BothSides.class)
class ClosingFillCommissionTest {

    @Inject
    Programme programme;

    @Inject
    TradingEvents events;

    @Test
    void aClosingDealEarnsOnItsCommissionableLotsOncePerDeal() {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        programme.claim(trader, programme.register(referrer)).then().statusCode(201);
        FillRecorded opening = events.fill(trader, "EURUSD", "0.50", "1.08");
        programme.awaitCommissions(opening.fillId(), 1);

        // 0.50 lots closed, 0.30 of them commissionable: 0.30 x 10.00 per lot x Bronze's 0.20 = 0.60.
        String eventId = TestKafka.newEventId();
        ClosingFillRecorded close = events.closingFill(eventId, opening, "0.50", "0.30", "1.09");
        programme.awaitCommissions(close.closingFillId(), 1);
        // The same deal again under another event id: one commission per deal, beneficiary and level.
        String replayed = TestKafka.newEventId();
        events.publish(replayed, close);
        programme.awaitProcessed(replayed);

        assertThat(programme.query("select amount from commissions where fill_id = $1", close.closingFillId())
                .getBigDecimal(0)).isEqualByComparingTo("0.60");
        assertThat(programme.balance(referrer, "earned")).isEqualByComparingTo(new BigDecimal("1.60"));
        programme.assertBalancesConsistent(referrer);
        assertThat(programme.count("select count(*) from commissions where fill_id = $1", close.closingFillId()))
                .isEqualTo(1);
    }

    public static class BothSides implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("affiliates.commission-sides", "both");
        }
    }
}
