package com.tradesignals.device.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One poll as the service runs it: the device's parameters with their defaults and caps applied.
 *
 * @param after    acknowledge everything up to it (0: nothing new)
 * @param limit    the most deliveries to answer
 * @param deadline until when the poll may be parked; not after the start: answer at once
 */
record PollRequest(UUID deviceId, long after, int limit, Instant deadline) {

    /**
     * @param after the device's cursor, or {@code null} to acknowledge nothing new
     * @param limit capped to the configured maximum; {@code null} for the default
     * @param wait  seconds to park when nothing is due, capped to the configured maximum; {@code null} or 0: none
     */
    static PollRequest of(UUID deviceId, Long after, Integer limit, Integer wait, PollConfig config, Instant now) {
        Duration parked = wait == null ? Duration.ZERO : Duration.ofSeconds(wait);
        return new PollRequest(deviceId, after == null ? 0 : after,
                Math.min(limit == null ? config.defaultLimit() : limit, config.maxLimit()),
                now.plus(parked.compareTo(config.maxWait()) <= 0 ? parked : config.maxWait()));
    }

    boolean isLong(Instant now) {
        return deadline.isAfter(now);
    }
}
