package com.tradesignals.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "platform.inbox")
public interface InboxConfig {

    /** How a record whose effect fails transiently is retried: until it passes, the pause doubling up to a cap. */
    Retry retry();

    /**
     * The CloudEvents {@code source} of each consumed topic's one producer, by topic (quoted:
     * {@code platform.inbox.producers."signals.v1"=signals-api}). A record from another source is dead-lettered
     * ({@code foreign-producer}), as is a record of a topic that names no producer here.
     */
    Map<String, String> producers();

    interface Retry {

        /** Pause after the first failure. */
        @WithDefault("100ms")
        Duration initialBackoff();

        /** Longest pause between two attempts. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** Random share of each pause (0..1), so that replicas retrying against one database spread out. */
        @WithDefault("0.2")
        double jitter();
    }
}
