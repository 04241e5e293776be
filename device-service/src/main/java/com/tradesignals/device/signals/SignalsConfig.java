package com.tradesignals.device.signals;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "devices.signals")
public interface SignalsConfig {

    /** How long a signal and its deliveries are kept after the signal expired. */
    @WithDefault("7d")
    Duration retention();

    /** How often signals past their retention are deleted. */
    @WithDefault("1h")
    Duration purgeInterval();
}
