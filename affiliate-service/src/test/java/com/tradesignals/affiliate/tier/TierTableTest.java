package com.tradesignals.affiliate.tier;

import static com.tradesignals.affiliate.ProgrammeTerms.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradesignals.affiliate.ProgrammeTerms;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Which tier an affiliate is in, and which tier tables stop the service (decision 0305). */
class TierTableTest {

    /** tier-0 from 0 activated referrals, tier-5 from 5, tier-20 from 20; the rates of level 1 and level 2. */
    private static final TierTable TIERS = new TierTable(ProgrammeTerms.of(2, tier(0, "0.20", "0.05"),
            tier(5, "0.25", "0.05"), tier(20, "0.30", "0.10")));

    @ParameterizedTest(name = "{0} activated referrals: tier {1} ({2}), level rates {3} and {4}, next {5}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            # activated | tier | name    | level 1 | level 2 | next tier
            0           | 0    | tier-0  | 0.20    | 0.05    | 1
            1           | 0    | tier-0  | 0.20    | 0.05    | 1
            4           | 0    | tier-0  | 0.20    | 0.05    | 1
            5           | 1    | tier-5  | 0.25    | 0.05    | 2
            6           | 1    | tier-5  | 0.25    | 0.05    | 2
            19          | 1    | tier-5  | 0.25    | 0.05    | 2
            20          | 2    | tier-20 | 0.30    | 0.10    | none
            500         | 2    | tier-20 | 0.30    | 0.10    | none
            """)
    void anAffiliateIsInTheHighestTierTheirActivatedReferralsReach(int activatedReferrals, int number, String name,
            BigDecimal levelOneRate, BigDecimal levelTwoRate, Integer nextNumber) {
        TierTable.Tier tier = TIERS.tierFor(activatedReferrals);

        assertThat(tier.number()).isEqualTo(number);
        assertThat(tier.name()).isEqualTo(name);
        assertThat(tier.rate(1)).isEqualByComparingTo(levelOneRate);
        assertThat(tier.rate(2)).isEqualByComparingTo(levelTwoRate);
        assertThat(TIERS.next(tier).map(TierTable.Tier::number).orElse(null)).isEqualTo(nextNumber);
    }

    static Stream<Arguments> tablesThatCouldMisPay() {
        return Stream.of(
                Arguments.of("the highest rates of the levels, from different tiers, add up to more than 1",
                        ProgrammeTerms.of(2, tier(0, "0.6", "0.1"), tier(5, "0.5", "0.5")),
                        "could exceed its fee base"),
                Arguments.of("one tier alone pays more than the fee base over three levels",
                        ProgrammeTerms.of(3, tier(0, "0.5", "0.3", "0.3")), "add up to 1.1"),
                Arguments.of("a rate above 1", ProgrammeTerms.of(1, tier(0, "1.01")), "rates must be in [0, 1]"),
                Arguments.of("a negative rate", ProgrammeTerms.of(2, tier(0, "0.2", "-0.01")),
                        "rates must be in [0, 1]"),
                Arguments.of("a rate finer than the ledger's 8 decimals", ProgrammeTerms.of(1, tier(0, "0.123456789")),
                        "at most 8 decimals"),
                Arguments.of("no tier for 0 activated referrals", ProgrammeTerms.of(2, tier(1, "0.2", "0.05")),
                        "0 activated referrals"),
                Arguments.of("no tiers at all", ProgrammeTerms.of(2), "0 activated referrals"),
                Arguments.of("fewer rates than levels", ProgrammeTerms.of(2, tier(0, "0.2")), "one rate per level (2)"),
                Arguments.of("more rates than levels", ProgrammeTerms.of(1, tier(0, "0.2", "0.05")),
                        "one rate per level (1)"),
                Arguments.of("two tiers at the same threshold",
                        ProgrammeTerms.of(2, tier(0, "0.2", "0.05"), tier(0, "0.3", "0.05")), "ascending"),
                Arguments.of("tiers out of order",
                        ProgrammeTerms.of(2, tier(0, "0.2", "0.05"), tier(20, "0.3", "0.05"), tier(5, "0.25", "0.05")),
                        "ascending"),
                Arguments.of("no level", ProgrammeTerms.of(0, tier(0)), "between 1 and 10, is 0"),
                Arguments.of("more than 10 levels", ProgrammeTerms.of(11, tier(0)), "between 1 and 10, is 11"),
                Arguments.of("a minimum payout of zero", ProgrammeTerms.of(1, tier(0, "0.2")).minimumPayout("0"),
                        "minimum-payout must be positive"),
                Arguments.of("a minimum payout in fractions of a cent",
                        ProgrammeTerms.of(1, tier(0, "0.2")).minimumPayout("50.001"), "at most 2 decimals"),
                Arguments.of("a negative holding period",
                        ProgrammeTerms.of(1, tier(0, "0.2")).holdingPeriod(Duration.ofDays(-1)),
                        "holding-period must not be negative"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tablesThatCouldMisPay")
    void aTableThatCouldMisPayStopsTheService(String why, ProgrammeTerms terms, String message) {
        assertThatThrownBy(() -> new TierTable(terms))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Invalid affiliate programme configuration: ")
                .hasMessageContaining(message);
    }

    static Stream<Arguments> tablesAtTheLimits() {
        return Stream.of(
                Arguments.of("the best rates of all levels add up to exactly 1",
                        ProgrammeTerms.of(2, tier(0, "0.5", "0.2"), tier(5, "0.6", "0.4"))),
                Arguments.of("one level taking the whole fee base", ProgrammeTerms.of(1, tier(0, "1"))),
                Arguments.of("zero rates", ProgrammeTerms.of(2, tier(0, "0", "0"), tier(1, "0.2", "0"))),
                Arguments.of("ten levels at 8 decimals", ProgrammeTerms.of(10, tier(0, "0.1", "0.1", "0.1", "0.1",
                        "0.1", "0.1", "0.1", "0.1", "0.1", "0.09999999"))),
                Arguments.of("no holding period and a one-cent minimum payout",
                        ProgrammeTerms.of(1, tier(0, "0.2")).holdingPeriod(Duration.ZERO).minimumPayout("0.01")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tablesAtTheLimits")
    void aTableAtTheLimitsIsAccepted(String why, ProgrammeTerms terms) {
        assertThatCode(() -> new TierTable(terms)).doesNotThrowAnyException();
    }
}
