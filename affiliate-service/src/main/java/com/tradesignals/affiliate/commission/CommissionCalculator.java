package com.tradesignals.affiliate.commission;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Money arithmetic of an accrual: the tier rates share a fill's exact fee base ({@link FeeSchedule}). Products are
 * exact; each amount is rounded once, HALF_EVEN, to the ledger's scale. The amounts of one fill never add up to
 * more than its fee base: each level is capped at what the levels before it left of the fee base (rounded down, so
 * rounding can never add a cent).
 */
@ApplicationScoped
public class CommissionCalculator {

    public static final int SCALE = 8;

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
}
