package com.tradesignals.platform.devsettings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The explicit opt-in that lets a packaged service start with dev-only settings (laptops, CI, demos). */
@ConfigMapping(prefix = "platform")
public interface DevOnlySettingsConfig {

    /**
     * {@code PLATFORM_DEV_ONLY_SETTINGS_ALLOWED=true}: set by dev/up, docker-compose.yml and the test launcher,
     * never in a production deployment. Without it a service in the production launch mode refuses to start
     * with a committed dev-only key or another dev-only setting.
     */
    @WithDefault("false")
    boolean devOnlySettingsAllowed();
}
