package com.tradesignals.affiliate.tier;

import com.tradesignals.affiliate.AffiliateConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured tiers, checked once at startup so that a bad configuration stops the service instead of
 * paying out more than the fee: whatever tiers the beneficiaries of one fill are in, the rates over all
 * levels add up to at most 1 (the whole fee base).
 */
@Startup
@ApplicationScoped
public class TierTable {

    private final List<Tier> tiers;
    private final int levels;

    public TierTable(AffiliateConfig config) {
        this.levels = config.levels();
        this.tiers = validated(config);
    }

    /** The tier an affiliate with this many activated referrals is in. */
    public Tier tierFor(int activatedReferrals) {
        Tier current = tiers.get(0);
        for (Tier tier : tiers) {
            if (activatedReferrals >= tier.minActivatedReferrals()) {
                current = tier;
            }
        }
        return current;
    }

    public Optional<Tier> next(Tier tier) {
        return tier.number() + 1 < tiers.size() ? Optional.of(tiers.get(tier.number() + 1)) : Optional.empty();
    }

    public int levels() {
        return levels;
    }

    private static List<Tier> validated(AffiliateConfig config) {
        if (config.levels() < 1 || config.levels() > 10) {
            throw invalid("affiliates.levels must be between 1 and 10, is " + config.levels());
        }
        if (config.minimumPayout().signum() <= 0 || config.minimumPayout().scale() > 2) {
            throw invalid("affiliates.minimum-payout must be positive with at most 2 decimals");
        }
        if (config.holdingPeriod().isNegative()) {
            throw invalid("affiliates.holding-period must not be negative");
        }
        if (config.tiers().isEmpty() || config.tiers().get(0).minActivatedReferrals() != 0) {
            throw invalid("affiliates.tiers must start with a tier for 0 activated referrals");
        }
        List<Tier> tiers = new ArrayList<>();
        BigDecimal[] highestRatePerLevel = new BigDecimal[config.levels()];
        for (int number = 0; number < config.tiers().size(); number++) {
            AffiliateConfig.Tier tier = config.tiers().get(number);
            if (number > 0 && tier.minActivatedReferrals() <= config.tiers().get(number - 1).minActivatedReferrals()) {
                throw invalid("affiliates.tiers must be in strictly ascending order of min-activated-referrals");
            }
            if (tier.rates().size() != config.levels()) {
                throw invalid("tier " + tier.name() + " needs one rate per level (" + config.levels() + ")");
            }
            for (int level = 0; level < config.levels(); level++) {
                BigDecimal rate = tier.rates().get(level);
                if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.scale() > 8) {
                    throw invalid("tier " + tier.name() + " rates must be in [0, 1] with at most 8 decimals");
                }
                if (highestRatePerLevel[level] == null || rate.compareTo(highestRatePerLevel[level]) > 0) {
                    highestRatePerLevel[level] = rate;
                }
            }
            tiers.add(new Tier(number, tier.name(), tier.minActivatedReferrals(), List.copyOf(tier.rates())));
        }
        BigDecimal worstCase = BigDecimal.ZERO;
        for (BigDecimal rate : highestRatePerLevel) {
            worstCase = worstCase.add(rate);
        }
        if (worstCase.compareTo(BigDecimal.ONE) > 0) {
            throw invalid("the highest rates of all levels add up to " + worstCase
                    + ": commissions on one fill could exceed its fee base");
        }
        return List.copyOf(tiers);
    }

    private static IllegalStateException invalid(String reason) {
        return new IllegalStateException("Invalid affiliate programme configuration: " + reason);
    }

    /** @param number 0 for the first tier */
    public record Tier(int number, String name, int minActivatedReferrals, List<BigDecimal> rates) {

        public BigDecimal rate(int level) {
            return rates.get(level - 1);
        }
    }
}
