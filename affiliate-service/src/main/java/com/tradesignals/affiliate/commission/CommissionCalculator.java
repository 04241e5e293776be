package com.tradesignals.affiliate.commission;

import com.tradesignals.affiliate.tier.TierTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Money arithmetic of an accrual: the tier rates share a fill's exact fee base ({@link FeeSchedule}). Products are
 * exact; each amount is rounded once, HALF_EVEN, to the ledger's scale. The amounts of one fill never add up to
 * more than its fee base: each level is capped at what the levels before it left of the fee base (rounded down, so
 * rounding can never add a cent). Pure: no database, no clock (decision 0305).
 */
@ApplicationScoped
public class CommissionCalculator {

    public static final int SCALE = 8;

    private final TierTable tiers;

    public CommissionCalculator(TierTable tiers) {
        this.tiers = tiers;
    }

    /**
     * What each level of a trader's referrer chain earns from one fill: each beneficiary at the tier their activated
     * referrals give them now, at that tier's rate for their level.
     *
     * @param activatedReferralsByLevel each beneficiary's activated referrals, level 1 (the trader's referrer) first
     */
    public List<LevelShare> shares(BigDecimal exactFeeBase, List<Integer> activatedReferralsByLevel) {
        List<TierTable.Tier> tierByLevel = new ArrayList<>();
        List<BigDecimal> rates = new ArrayList<>();
        for (int level = 1; level <= activatedReferralsByLevel.size(); level++) {
            TierTable.Tier tier = tiers.tierFor(activatedReferralsByLevel.get(level - 1));
            tierByLevel.add(tier);
            rates.add(tier.rate(level));
        }
        List<BigDecimal> amounts = amounts(exactFeeBase, rates);
        List<LevelShare> shares = new ArrayList<>(amounts.size());
        for (int level = 1; level <= amounts.size(); level++) {
            shares.add(new LevelShare(level, tierByLevel.get(level - 1), rates.get(level - 1), amounts.get(level - 1)));
        }
        return shares;
    }

    /** @param rates the rate of each level's beneficiary, level 1 first */
    public List<BigDecimal> amounts(BigDecimal exactFeeBase, List<BigDecimal> rates) {
        BigDecimal remaining = exactFeeBase.setScale(SCALE, RoundingMode.DOWN);
        List<BigDecimal> amounts = new ArrayList<>(rates.size());
        for (BigDecimal rate : rates) {
            BigDecimal amount = exactFeeBase.multiply(rate).setScale(SCALE, RoundingMode.HALF_EVEN).min(remaining);
            amounts.add(amount);
            remaining = remaining.subtract(amount);
        }
        return amounts;
    }

    public static BigDecimal money(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** @param amount rounded to the ledger's scale; zero when the rate is zero or the fee base is used up */
    public record LevelShare(int level, TierTable.Tier tier, BigDecimal rate, BigDecimal amount) {
    }
}
