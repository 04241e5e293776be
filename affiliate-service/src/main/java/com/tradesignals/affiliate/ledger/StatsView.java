package com.tradesignals.affiliate.ledger;

import java.math.BigDecimal;
import java.util.List;

/** An affiliate's dashboard. */
public record StatsView(Balances balances, TierProgress tier, List<ReferralCount> referrals,
        List<MonthEarnings> earningsByMonth) {

    /**
     * @param rates        the rate of each level in the current tier, level 1 first
     * @param nextTier     null at the top tier
     */
    public record TierProgress(int number, String name, int activatedReferrals, List<BigDecimal> rates,
            NextTier nextTier) {
    }

    public record NextTier(int number, String name, int minActivatedReferrals, int referralsToGo) {
    }

    /** Referrals {@code level} steps below the affiliate (1: their own referrals). */
    public record ReferralCount(int level, long pending, long activated) {
    }

    /**
     * @param month      UTC, {@code YYYY-MM}
     * @param earned     commissions accrued that month and not refunded
     * @param clawedBack clawback entries made that month (0 or less)
     * @param adjusted   administrators' adjustments made that month, signed
     */
    public record MonthEarnings(String month, BigDecimal earned, BigDecimal clawedBack, BigDecimal adjusted) {
    }
}
