package com.tradesignals.affiliate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The programme's terms. Checked at startup by {@code TierTable} and {@code FeeSchedule}; documented in
 * docs/affiliate-service.md.
 */
@ConfigMapping(prefix = "affiliates")
public interface AffiliateConfig {

    /** Referral links are {@code <link-base-url>?ref=<token>}. */
    @WithDefault("https://tradesignals.dev/join")
    String linkBaseUrl();

    /** ISO 4217 code of every amount. */
    @WithDefault("USD")
    String currency();

    /** How many referrers up the tree earn from one fill: level 1 is the trader's own referrer. */
    @WithDefault("2")
    int levels();

    /** What a fill's fee base is, the amount the tier rates share: per asset class, optionally per symbol. */
    FeeSchedule feeSchedule();

    /** What makes a referral count for its referrer's tier: {@code first-fill} or {@code first-device}. */
    @WithDefault("first-fill")
    Activation activation();

    /** Which deals earn commission: the opening fills only ({@code open}) or the closing fills too ({@code both}). */
    @WithDefault("open")
    CommissionSides commissionSides();

    /** Tiers in ascending order of activated referrals; tier numbers are positions, from 0. */
    List<Tier> tiers();

    /** How long a commission is held before it can be paid out (room for busts and chargebacks). */
    @WithDefault("P7D")
    Duration holdingPeriod();

    /** The smallest payout an affiliate may request. */
    @WithDefault("50.00")
    BigDecimal minimumPayout();

    /** The most rows a CSV statement holds; narrow the period for more. */
    @WithDefault("10000")
    int statementMaxRows();

    Payouts payouts();

    SimulatedBank simulatedBank();

    interface Tier {

        String name();

        /** Activated direct referrals an affiliate needs for this tier. */
        int minActivatedReferrals();

        /** Share of the fee base per level: the first rate is level 1. */
        List<BigDecimal> rates();
    }

    enum CommissionSides {
        /** The fills that open a position earn; closing it earns nothing (the usual IB rebate on opened lots). */
        OPEN,
        /** Opening and closing fills earn alike (a rebate per side, as brokers that charge per side pay it). */
        BOTH
    }

    enum Activation {
        /** The referred user's first applied fill with commissionable lots: real trading qualifies a referral. */
        FIRST_FILL,
        /** The referred user's first device that is still linked (the behaviour before issue 12). */
        FIRST_DEVICE
    }

    /**
     * Fee base per asset class ({@code FX}, {@code METAL}, {@code INDEX}, {@code CRYPTO}) and per platform symbol; a
     * symbol's entry overrides its class's. E.g. {@code affiliates.fee-schedule.asset-classes.FX.per-lot=10.00},
     * {@code affiliates.fee-schedule.symbols.BTCUSD.notional-rate=0.0005}.
     */
    interface FeeSchedule {

        Map<String, Basis> assetClasses();

        Map<String, Basis> symbols();
    }

    /** Exactly one of the two. */
    interface Basis {

        /** An amount in the programme currency per commissionable lot, as broker IB programmes pay. */
        Optional<BigDecimal> perLot();

        /**
         * A rate on the notional (lots × contract size × price); only for instruments quoted in the programme
         * currency.
         */
        Optional<BigDecimal> notionalRate();
    }

    interface Payouts {

        /** How often the payout job runs ({@code off} disables it). */
        @WithDefault("30s")
        String interval();

        /** Payouts one run of the job takes on. */
        @WithDefault("20")
        int batchSize();

        /** A payout processing for longer than this is sent to the provider again (same reference). */
        @WithDefault("PT10M")
        Duration staleAfter();

        /** Who moves the money: the payments API ({@code http}) or, in dev and tests only, the simulated bank. */
        @WithDefault("http")
        Provider provider();
    }

    enum Provider {
        /** The payments API ({@code affiliates.payments-api.*}, docs/affiliate-service.md). */
        HTTP,
        /** {@code SimulatedBankPayoutProvider}: moves no money; refused in production. */
        SIMULATED
    }

    /** The stand-in provider: succeeds, except for the amounts or the share of payouts configured to fail. */
    interface SimulatedBank {

        /** Amounts the simulated bank rejects, e.g. to exercise failures in tests. */
        Optional<List<BigDecimal>> failingAmounts();

        /** Share of payouts the simulated bank rejects at random, 0 to 1. */
        @WithDefault("0")
        double failureRate();
    }
}
