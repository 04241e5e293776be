package com.tradesignals.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "platform.inbox")
public interface InboxConfig {

    /** Attempts after the first before a record whose effect keeps failing goes to the dead-letter topic. */
    @WithDefault("3")
    int retries();
}
