package com.tradesignals.device.signals;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "devices.signals")
public interface SignalsConfig {

    /**
     * How long a signal and its deliveries are kept after the signal expired, and after it was settled (closed in full
     * or cancelled) when a device acknowledged it.
     */
    @WithDefault("7d")
    Duration retention();

    /**
     * How long a signal a device acknowledged is kept at most while it is not settled: a position it opened may still
     * be modified or closed until then.
     */
    @WithDefault("90d")
    Duration positionRetention();

    /** How often signals past their retention are deleted. */
    @WithDefault("1h")
    Duration purgeInterval();
}
