package com.tradesignals.device;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "devices")
public interface DeviceConfig {

    /** Active devices one user may have linked at once. */
    @WithDefault("10")
    int maxPerUser();
}
