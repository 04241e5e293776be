package com.tradesignals.device.presence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;

@ConfigMapping(prefix = "devices.presence")
public interface PresenceConfig {

    /** A device is online while its last poll started or was answered within this window. */
    @WithDefault("60s")
    Duration onlineWindow();

    /** How stale {@code last_seen_at} may be: a poll writes it only when it is older, so polls stay cheap. */
    @WithDefault("10s")
    Duration writeInterval();

    /** A device silent for longer than this while deliveries wait for it is announced (device.missed-signals.v1). */
    @WithDefault("5m")
    Duration silenceThreshold();

    /** How often silent devices are looked for (a duration such as {@code 1m}, or {@code off}); read by the scheduler. */
    @WithDefault("1m")
    String checkInterval();

    /** Whether a device last seen at {@code lastSeenAt} (null: never) counts as online at {@code now}. */
    default boolean isOnline(Instant lastSeenAt, Instant now) {
        return lastSeenAt != null && lastSeenAt.isAfter(now.minus(onlineWindow()));
    }
}
