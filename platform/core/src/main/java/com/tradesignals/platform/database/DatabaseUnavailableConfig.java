package com.tradesignals.platform.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "platform.database-unavailable")
public interface DatabaseUnavailableConfig {

    /** The {@code Retry-After} of a 503 answered because the database cannot be reached (whole seconds). */
    @WithDefault("5s")
    Duration retryAfter();
}
