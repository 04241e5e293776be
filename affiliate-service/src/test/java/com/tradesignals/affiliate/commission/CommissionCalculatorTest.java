package com.tradesignals.affiliate.commission;

import static com.tradesignals.affiliate.ProgrammeTerms.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradesignals.affiliate.ProgrammeTerms;
import com.tradesignals.affiliate.tier.TierTable;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommissionCalculatorTest {

    private final CommissionCalculator calculator = new CommissionCalculator();

    @Test
    void amountsAreRoundedHalfEvenOnceAtTheEnd() {
        BigDecimal feeBase = new BigDecimal("0.000000125");

        assertThat(calculator.amounts(feeBase, List.of(new BigDecimal("1"), BigDecimal.ZERO)))
                .containsExactly(new BigDecimal("0.00000012"), new BigDecimal("0E-8"));
        assertThat(calculator.amounts(new BigDecimal("0.000000375"), List.of(BigDecimal.ONE, BigDecimal.ZERO)).get(0))
                .isEqualByComparingTo("0.00000037");
    }

    @Test
    void perLotFeeBasesAreSharedToTheCent() {
        // 0.40 and 0.60 lots at 10.00 per lot: Bronze pays 20 % on level 1 and 5 % on level 2.
        List<BigDecimal> rates = List.of(new BigDecimal("0.20"), new BigDecimal("0.05"));

        assertThat(calculator.amounts(new BigDecimal("0.40").multiply(new BigDecimal("10.00")), rates))
                .containsExactly(new BigDecimal("0.80000000"), new BigDecimal("0.20000000"));
        assertThat(calculator.amounts(new BigDecimal("0.60").multiply(new BigDecimal("10.00")), rates))
                .containsExactly(new BigDecimal("1.20000000"), new BigDecimal("0.30000000"));
    }

    @Test
    void theLevelsOfOneFillNeverShareMoreThanItsFeeBase() {
        BigDecimal feeBase = new BigDecimal("0.000000015");

        List<BigDecimal> amounts = calculator.amounts(feeBase, List.of(new BigDecimal("0.5"), new BigDecimal("0.5")));

        assertThat(amounts.get(0).add(amounts.get(1))).isLessThanOrEqualTo(feeBase);
    }

    @Test
    void ratesThatCouldPayMoreThanTheFeeBaseStopTheService() {
        assertThatThrownBy(() -> new TierTable(ProgrammeTerms.of(2, tier(0, "0.6", "0.1"), tier(5, "0.5", "0.5"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could exceed its fee base");
        assertThatThrownBy(() -> new TierTable(ProgrammeTerms.of(2, tier(1, "0.2", "0.05"))))
                .hasMessageContaining("0 activated referrals");
        assertThatThrownBy(() -> new TierTable(ProgrammeTerms.of(2, tier(0, "0.2"))))
                .hasMessageContaining("one rate per level");
        assertThatThrownBy(() -> new TierTable(ProgrammeTerms.of(2, tier(0, "0.2", "0.05"), tier(0, "0.3", "0.05"))))
                .hasMessageContaining("ascending");
    }

    @Test
    void anAffiliateIsInTheHighestTierTheyQualifyFor() {
        TierTable table = new TierTable(ProgrammeTerms.of(2, tier(0, "0.2", "0.05"), tier(5, "0.25", "0.05"),
                tier(20, "0.3", "0.1")));

        assertThat(table.tierFor(0).number()).isZero();
        assertThat(table.tierFor(4).number()).isZero();
        assertThat(table.tierFor(5).number()).isEqualTo(1);
        assertThat(table.tierFor(500).number()).isEqualTo(2);
        assertThat(table.next(table.tierFor(500))).isEmpty();
        assertThat(table.tierFor(5).rate(2)).isEqualByComparingTo("0.05");
    }
}
