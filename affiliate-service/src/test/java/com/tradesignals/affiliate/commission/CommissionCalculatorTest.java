package com.tradesignals.affiliate.commission;

import static com.tradesignals.affiliate.ProgrammeTerms.basis;
import static com.tradesignals.affiliate.ProgrammeTerms.tier;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.affiliate.ProgrammeTerms;
import com.tradesignals.affiliate.commission.CommissionCalculator.LevelShare;
import com.tradesignals.affiliate.tier.TierTable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What one fill earns each level of the trader's referrer chain (decisions 0305 and 0307): the fee schedule prices
 * the fill, each beneficiary's tier gives the rate of their level, each amount is rounded once, HALF_EVEN, to 8
 * decimals, and the levels never share more than the fee base. Lists in a cell are separated by spaces.
 */
class CommissionCalculatorTest {

    /**
     * tier-0 from 0 activated referrals (20 % on level 1, 5 % on level 2), tier-5 from 5 (25 %, 5 %), tier-20 from
     * 20 (30 %, 10 %). Per lot: FX 10.00, METAL 15.00, INDEX 2.00; CRYPTO 0.1 % of the notional.
     */
    private static final ProgrammeTerms TERMS = ProgrammeTerms.of(2, tier(0, "0.20", "0.05"),
                    tier(5, "0.25", "0.05"), tier(20, "0.30", "0.10"))
            .assetClass("FX", basis("10.00", null))
            .assetClass("METAL", basis("15.00", null))
            .assetClass("INDEX", basis("2.00", null))
            .assetClass("CRYPTO", basis(null, "0.001"));

    private final CommissionCalculator calculator = new CommissionCalculator(new TierTable(TERMS));
    private final FeeSchedule feeSchedule = new FeeSchedule(TERMS, TestCatalogue.FIND);

    @ParameterizedTest(name = "{0} lots of {1} at {2}, beneficiaries with [{3}] activated referrals: fee base {4}, "
            + "tiers [{5}], amounts [{6}]")
    @CsvSource(delimiter = '|', textBlock = """
            # symbol | lots    | price    | activated | fee base  | tiers | amounts per level
            # Per lot: the lots times the amount per lot of the asset class, whatever the price or quote currency.
            EURUSD   | 0.40    | 1.08     | 0 0       | 4.00      | 0 0   | 0.80000000 0.20000000
            EURUSD   | 0.01    | 1.08     | 0         | 0.10      | 0     | 0.02000000
            USDJPY   | 1.00    | 151.25   | 5 20      | 10.00     | 1 2   | 2.50000000 1.00000000
            XAUUSD   | 0.25    | 2400.10  | 20        | 3.75      | 2     | 1.12500000
            US30     | 3       | 44000    | 4 19      | 6.00      | 0 1   | 1.20000000 0.30000000
            XAGUSD   | 0.001   | 30.5     | 20 20     | 0.015     | 2 2   | 0.00450000 0.00150000
            # On notional: lots x contract size x price x rate, exact; each level's amount rounded once.
            BTCUSD   | 0.05    | 65000.50 | 0 0       | 3.250025  | 0 0   | 0.65000500 0.16250125
            BTCUSD   | 0.03    | 65000.55 | 0 0       | 1.9500165 | 0 0   | 0.39000330 0.09750082
            # Too small to earn one unit of the ledger's scale: nothing (the accrual writes no entry).
            BTCUSD   | 0.00001 | 0.01     | 0 0       | 1E-10     | 0 0   | 0.00000000 0.00000000
            """)
    void aFillEarnsEachLevelItsTiersRateOfTheFeeBase(String symbol, BigDecimal lots, BigDecimal price,
            String activatedReferrals, BigDecimal feeBase, String tiers, String amounts) {
        Pricing.Priced priced = (Pricing.Priced) feeSchedule.price(symbol, lots, price);

        List<LevelShare> shares = calculator.shares(priced.feeBase(), integers(activatedReferrals));

        assertThat(priced.feeBase()).isEqualByComparingTo(feeBase);
        assertThat(shares).extracting(LevelShare::level)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, integers(tiers).size()).boxed().toList());
        assertThat(shares).extracting(share -> share.tier().number()).containsExactlyElementsOf(integers(tiers));
        assertThat(shares).extracting(LevelShare::amount).containsExactlyElementsOf(decimals(amounts));
    }

    @ParameterizedTest(name = "[{0}] activated referrals: tiers [{1}], rates [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            # activated | tiers | rates
            # Each beneficiary at their own tier, at that tier's rate for their level.
            0           | 0     | 0.20
            0 0         | 0 0   | 0.20 0.05
            4 5         | 0 1   | 0.20 0.05
            5 4         | 1 0   | 0.25 0.05
            19 20       | 1 2   | 0.25 0.10
            20 0        | 2 0   | 0.30 0.05
            20 20       | 2 2   | 0.30 0.10
            """)
    void eachLevelIsPaidAtItsBeneficiarysTier(String activatedReferrals, String tiers, String rates) {
        List<LevelShare> shares = calculator.shares(new BigDecimal("100"), integers(activatedReferrals));

        assertThat(shares).extracting(share -> share.tier().number()).containsExactlyElementsOf(integers(tiers));
        assertThat(shares).extracting(LevelShare::rate)
                .usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(decimals(rates));
        assertThat(shares).extracting(LevelShare::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(decimals(rates).stream().map(rate -> rate.multiply(new BigDecimal("100")))
                        .toList());
    }

    @ParameterizedTest(name = "{0} x [{1}] = [{2}]: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # fee base  | rates       | amounts                            | why
            4.00        | 0.20 0.05   | 0.80000000 0.20000000              | exact, at 8 decimals
            100         | 0.3 0.1 0.05 | 30.00000000 10.00000000 5.00000000 | three levels
            10          | 0 0.05      | 0.00000000 0.50000000              | a zero rate earns nothing
            3.2500255   | 0.20 0.05   | 0.65000510 0.16250128              | level 2's tie rounds up to even
            0.00000025  | 0.5 0       | 0.00000012 0.00000000              | a tie rounds down to even
            0.00000035  | 0.5 0       | 0.00000018 0.00000000              | a tie rounds up to even
            0.000000126 | 1 0         | 0.00000012 0.00000000              | capped: rounding up would exceed it
            0.000000375 | 1 0         | 0.00000037 0.00000000              | capped: the tie would round up
            0.00000003  | 0.5 0.5     | 0.00000002 0.00000001              | level 2 gets what level 1 left
            0.000000015 | 0.5 0.5     | 0.00000001 0.00000000              | level 1 used the fee base up
            0.00000001  | 0.3 0.3 0.3 | 0.00000000 0.00000000 0.00000000   | below half a unit: nothing
            """)
    void eachAmountIsRoundedOnceAndTheLevelsNeverShareMoreThanTheFeeBase(BigDecimal feeBase, String rates,
            String amounts, String why) {
        List<BigDecimal> calculated = calculator.amounts(feeBase, decimals(rates));

        assertThat(calculated).containsExactlyElementsOf(decimals(amounts));
        assertThat(calculated.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isLessThanOrEqualTo(feeBase);
    }

    private static List<Integer> integers(String cell) {
        return Arrays.stream(cell.trim().split(" +")).map(Integer::valueOf).toList();
    }

    private static List<BigDecimal> decimals(String cell) {
        return Arrays.stream(cell.trim().split(" +")).map(BigDecimal::new).toList();
    }
}
