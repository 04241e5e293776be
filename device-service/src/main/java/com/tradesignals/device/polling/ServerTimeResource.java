package com.tradesignals.device.polling;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.time.Instant;
import io.smallrye.common.annotation.NonBlocking;

/**
 * The server's clock, unauthenticated: a device whose clock is off can set it before its first signed request
 * (every later response carries {@code X-Server-Time} as well). It does no I/O at all.
 */
@Path("/api/v1/devices/time")
@PermitAll
public class ServerTimeResource {

    private final Clock clock;

    ServerTimeResource(Clock clock) {
        this.clock = clock;
    }

    /** @param serverTime the server's clock */
    public record ServerTime(Instant serverTime) {
    }

    @GET
    @NonBlocking
    public ServerTime now() {
        return new ServerTime(clock.instant());
    }
}
