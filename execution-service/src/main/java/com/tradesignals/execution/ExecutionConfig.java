package com.tradesignals.execution;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

    /** How often the orphan-fill gauge is refreshed from the database. */
    @WithDefault("10s")
    Duration orphanGaugeInterval();
}
