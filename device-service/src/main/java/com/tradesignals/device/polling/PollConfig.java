package com.tradesignals.device.polling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "devices.poll")
public interface PollConfig {

    /** Deliveries answered by one poll when the device asks for no {@code limit}. */
    @WithDefault("100")
    int defaultLimit();

    /** The most deliveries one poll answers; a larger {@code limit} is capped to it. */
    @WithDefault("100")
    int maxLimit();

    /** The longest a poll is parked; a larger {@code wait} is capped to it (below common proxies' idle timeouts). */
    @WithDefault("25s")
    Duration maxWait();

    /**
     * How fresh {@code last_poll_at} is kept: a poll writes it only when it is older than this, so idle polling
     * costs no write per request.
     */
    @WithDefault("30s")
    Duration lastPollResolution();
}
