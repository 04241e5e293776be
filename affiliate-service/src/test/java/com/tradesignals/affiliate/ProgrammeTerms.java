package com.tradesignals.affiliate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Programme configurations for unit tests, without starting the service. */
public final class ProgrammeTerms implements AffiliateConfig {

    private final int levels;
    private final List<Tier> tiers;
    private final Map<String, Basis> assetClasses = new LinkedHashMap<>();
    private final Map<String, Basis> symbols = new LinkedHashMap<>();
    private BigDecimal minimumPayout = new BigDecimal("50.00");
    private Duration holdingPeriod = Duration.ofDays(7);

    private ProgrammeTerms(int levels, List<Tier> tiers) {
        this.levels = levels;
        this.tiers = tiers;
    }

    public static ProgrammeTerms of(int levels, Tier... tiers) {
        return new ProgrammeTerms(levels, List.of(tiers));
    }

    public static Tier tier(int minActivatedReferrals, String... rates) {
        return new Tier() {
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

    /** {@code perLot} or {@code notionalRate} may be null: the entry then lacks that key. */
    public static Basis basis(String perLot, String notionalRate) {
        return new Basis() {
            @Override
            public Optional<BigDecimal> perLot() {
                return Optional.ofNullable(perLot).map(BigDecimal::new);
            }

            @Override
            public Optional<BigDecimal> notionalRate() {
                return Optional.ofNullable(notionalRate).map(BigDecimal::new);
            }
        };
    }

    public ProgrammeTerms assetClass(String assetClass, Basis basis) {
        assetClasses.put(assetClass, basis);
        return this;
    }

    public ProgrammeTerms symbol(String symbol, Basis basis) {
        symbols.put(symbol, basis);
        return this;
    }

    public ProgrammeTerms minimumPayout(String amount) {
        minimumPayout = new BigDecimal(amount);
        return this;
    }

    public ProgrammeTerms holdingPeriod(Duration period) {
        holdingPeriod = period;
        return this;
    }

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
    public AffiliateConfig.FeeSchedule feeSchedule() {
        return new AffiliateConfig.FeeSchedule() {
            @Override
            public Map<String, Basis> assetClasses() {
                return assetClasses;
            }

            @Override
            public Map<String, Basis> symbols() {
                return symbols;
            }
        };
    }

    @Override
    public Activation activation() {
        return Activation.FIRST_FILL;
    }

    @Override
    public CommissionSides commissionSides() {
        return CommissionSides.OPEN;
    }

    @Override
    public List<Tier> tiers() {
        return tiers;
    }

    @Override
    public Duration holdingPeriod() {
        return holdingPeriod;
    }

    @Override
    public BigDecimal minimumPayout() {
        return minimumPayout;
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
}
