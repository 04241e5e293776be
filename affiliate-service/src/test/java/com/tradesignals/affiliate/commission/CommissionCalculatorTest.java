package com.tradesignals.affiliate.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradesignals.affiliate.AffiliateConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommissionCalculatorTest {

    @Test
    void amountsAreRoundedHalfEvenOnceAtTheEnd() {
        CommissionCalculator calculator = new CommissionCalculator(config("0.0005", 2, tier(0, "0.2", "0.05")));
        BigDecimal feeBase = calculator.feeBase(new BigDecimal("0.00025"));

        assertThat(feeBase).isEqualByComparingTo("0.000000125");
        assertThat(calculator.amounts(feeBase, List.of(new BigDecimal("1"), BigDecimal.ZERO)))
                .containsExactly(new BigDecimal("0.00000012"), new BigDecimal("0E-8"));
        assertThat(calculator.amounts(new BigDecimal("0.000000375"), List.of(BigDecimal.ONE, BigDecimal.ZERO)).get(0))
                .isEqualByComparingTo("0.00000037");
    }

    @Test
    void theLevelsOfOneFillNeverShareMoreThanItsFeeBase() {
        CommissionCalculator calculator = new CommissionCalculator(config("0.0005", 2, tier(0, "0.5", "0.5")));
        BigDecimal feeBase = new BigDecimal("0.000000015");

        List<BigDecimal> amounts = calculator.amounts(feeBase, List.of(new BigDecimal("0.5"), new BigDecimal("0.5")));

        assertThat(amounts.get(0).add(amounts.get(1))).isLessThanOrEqualTo(feeBase);
    }

    @Test
    void ratesThatCouldPayMoreThanTheFeeBaseStopTheService() {
        assertThatThrownBy(() -> new TierTable(config("0.0005", 2, tier(0, "0.6", "0.1"), tier(5, "0.5", "0.5"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could exceed its fee base");
        assertThatThrownBy(() -> new TierTable(config("0.0005", 2, tier(1, "0.2", "0.05"))))
                .hasMessageContaining("0 activated referrals");
        assertThatThrownBy(() -> new TierTable(config("0.0005", 2, tier(0, "0.2"))))
                .hasMessageContaining("one rate per level");
        assertThatThrownBy(() -> new TierTable(config("0.0005", 2, tier(0, "0.2", "0.05"), tier(0, "0.3", "0.05"))))
                .hasMessageContaining("ascending");
    }

    @Test
    void anAffiliateIsInTheHighestTierTheyQualifyFor() {
        TierTable table = new TierTable(config("0.0005", 2, tier(0, "0.2", "0.05"), tier(5, "0.25", "0.05"),
                tier(20, "0.3", "0.1")));

        assertThat(table.tierFor(0).number()).isZero();
        assertThat(table.tierFor(4).number()).isZero();
        assertThat(table.tierFor(5).number()).isEqualTo(1);
        assertThat(table.tierFor(500).number()).isEqualTo(2);
        assertThat(table.next(table.tierFor(500))).isEmpty();
        assertThat(table.tierFor(5).rate(2)).isEqualByComparingTo("0.05");
    }

    private static AffiliateConfig.Tier tier(int minActivatedReferrals, String... rates) {
        return new AffiliateConfig.Tier() {
            @Override
            public String name() {
                return "tier-" + minActivatedReferrals;
            }

            @Override
            public int minActivatedReferrals() {
                return minActivatedReferrals;
            }

            @Override
            public List<BigDecimal> rates() {
                return Arrays.stream(rates).map(BigDecimal::new).toList();
            }
        };
    }

    private static AffiliateConfig config(String feeRate, int levels, AffiliateConfig.Tier... tiers) {
        return new AffiliateConfig() {
            @Override
            public String linkBaseUrl() {
                return "https://example.test/join";
            }

            @Override
            public String currency() {
                return "USD";
            }

            @Override
            public int levels() {
                return levels;
            }

            @Override
            public BigDecimal feeRate() {
                return new BigDecimal(feeRate);
            }

            @Override
            public List<Tier> tiers() {
                return List.of(tiers);
            }

            @Override
            public Duration holdingPeriod() {
                return Duration.ofDays(7);
            }

            @Override
            public BigDecimal minimumPayout() {
                return new BigDecimal("50.00");
            }

            @Override
            public int statementMaxRows() {
                return 100;
            }

            @Override
            public Payouts payouts() {
                return null;
            }

            @Override
            public SimulatedBank simulatedBank() {
                return null;
            }
        };
    }
}
