package com.tradesignals.device.pairing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "devices.pairing")
public interface PairingConfig {

    /** How long a user code can be entered, and how long an approved pairing's key can then be collected. */
    @WithDefault("10m")
    Duration codeTtl();

    /** How often a terminal may ask for its key; asking sooner answers {@code /problems/slow-down}. */
    @WithDefault("5s")
    Duration interval();

    /**
     * Pending (not yet approved, unexpired) pairings the service holds at once, all clients together; more answer
     * 429 {@code /problems/too-many-pairings}. Limits per address are the gateway's.
     */
    @WithDefault("1000")
    int maxPending();

    /** Wrong user codes one user may enter within {@link #failedAttemptWindow()} before being refused (429). */
    @WithDefault("5")
    int maxFailedAttempts();

    @WithDefault("10m")
    Duration failedAttemptWindow();

    /** Where the user enters the code (the app's page), shown by the terminal; absent: not answered. */
    Optional<String> verificationUri();
}
