package com.tradesignals.device;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "devices")
public interface DeviceConfig {

    /** Active devices one user may have linked at once. */
    @WithDefault("10")
    int maxPerUser();

    /** How long the previous key version keeps working after a rotation, so a terminal can be updated. */
    @WithDefault("24h")
    Duration keyRotationGrace();
}
