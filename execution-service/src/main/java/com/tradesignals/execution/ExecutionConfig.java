package com.tradesignals.execution;

import com.tradesignals.contracts.events.AssetClass;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** Tunables of execution reporting. */
@ConfigMapping(prefix = "execution")
public interface ExecutionConfig {

    /** How far in the future (by the server's clock) a reported fill time may be: the devices' clock skew. */
    @WithDefault("60s")
    Duration maxFillTimeAhead();

    /**
     * How long after a signal's expiry an execution that never filled stays open, so that a fill made before the
     * expiry but reported late still counts. After that the sweep marks it EXPIRED.
     */
    @WithDefault("5m")
    Duration expiryGrace();

    /** How often open executions past expiry + grace are marked EXPIRED. */
    @WithDefault("30s")
    Duration expirySweepInterval();

    /** The most orders one expiry sweep ends (each announced); the next sweep goes on. */
    @WithDefault("500")
    int expiryBatchSize();

    /** How often the orphan-fill gauge is refreshed from the database. */
    @WithDefault("10s")
    Duration orphanGaugeInterval();

    /** The most executions one CSV export of the history holds; past it the user is asked for a shorter period. */
    @WithDefault("10000")
    int csvMaxRows();

    Plausibility plausibility();

    Divergence divergence();

    /** When a user's devices no longer trade alike (docs/execution-service.md, "Devices that diverge"). */
    interface Divergence {

        /** A device that has not acknowledged a signal this long after it arrived counts as silent. */
        @WithDefault("2m")
        Duration ackTimeout();

        /** Only signals received this recently are watched. */
        @WithDefault("24h")
        Duration lookback();

        /** How often the watch runs, as Quarkus' scheduler reads it ({@code 10s}; {@code off} disables it). */
        @WithDefault("10s")
        String checkInterval();

        /** The most signals one run announces. */
        @WithDefault("500")
        int batchSize();
    }

    Orphans orphans();

    /** Reports that arrived before their signal (docs/execution-service.md, "Reports before their signal"). */
    interface Orphans {

        /** How long a report waits for its signal; then it is answered SIGNAL_NEVER_ARRIVED and never applied. */
        @WithDefault("24h")
        Duration maxWait();

        /** How long an expired report is kept (and its answer replayed) before it is deleted. */
        @WithDefault("7d")
        Duration retention();

        /** Most reports one run expires, and most it deletes. */
        @WithDefault("1000")
        int batchSize();

        /** How often the job runs, as Quarkus' scheduler reads it ({@code 1m}; {@code off} disables it). */
        @WithDefault("1m")
        String sweepInterval();

        /** The orphan-fill gauge counts up to this many and no further: reading it stays cheap however many wait. */
        @WithDefault("100000")
        int gaugeCap();
    }

    /** What a fill must look like before it counts (docs/execution-service.md, "Plausibility and review"). */
    interface Plausibility {

        /**
         * How far a fill's price may be from its signal's reference price, as a share of it, per asset class, e.g.
         * {@code execution.plausibility.price-band.FX=0.02}. Every asset class needs one.
         */
        Map<AssetClass, BigDecimal> priceBand();

        /**
         * The lots one user's devices fill on one signal earn commission up to this multiple of the signal's size;
         * lots beyond it are applied to their executions but earn nothing.
         */
        @WithDefault("1")
        BigDecimal commissionableCopies();
    }
}
