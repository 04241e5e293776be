package com.tradesignals.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unpublished events: the longest an event waits in the outbox. */
    @WithDefault("100ms")
    Duration interval();

    /** Events published per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** Longest pause between attempts while Kafka is unreachable (the pause doubles up to it). */
    @WithDefault("30s")
    Duration maxBackoff();

    /** The CloudEvents {@code source} of the events this service publishes. */
    @WithDefault("${quarkus.application.name}")
    String source();
}
