package com.tradesignals.platform.deviceauth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Device request authentication, shared by the services that accept signed device requests. */
@ConfigMapping(prefix = "device-auth")
public interface DeviceAuthConfig {

    /**
     * 64 hex characters: the master key every device secret is derived from ({@code DEVICE_AUTH_MASTER_KEY},
     * from a Secret in production). Required by the services that issue or verify device keys.
     */
    Optional<String> masterKey();

    /** How far a request's timestamp may be from the server's clock, either way. */
    @WithDefault("60s")
    Duration clockSkew();

    /** Largest body a signed request may have (it is read whole to check its hash). */
    @WithDefault("65536")
    int maxBodyBytes();

    /**
     * How often nonces past their window are deleted. Often, so that each delete is small: at 1,000 signed requests
     * a second, a minute's nonces deleted at once stalled request handling for hundreds of milliseconds.
     */
    @WithDefault("5s")
    Duration noncePurgeInterval();

    /**
     * How long a usable key is taken from the cache without asking the key directory: the longest a revoked or
     * rotated-out key keeps working on a replica that did not learn of the change (decision 0016). 0 turns the
     * cache off.
     */
    @WithDefault("10s")
    Duration keyCacheTtl();

    /** Most keys cached at once; beyond it, keys are looked up every time until entries expire. */
    @WithDefault("100000")
    int keyCacheMaxEntries();

    /** Most nonces inserted by one statement (the nonces of requests that arrived while the previous insert ran). */
    @WithDefault("500")
    int nonceBatchMaxSize();
}
