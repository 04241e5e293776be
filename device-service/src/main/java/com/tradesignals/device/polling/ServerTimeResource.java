package com.tradesignals.device.polling;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.time.Instant;
import io.smallrye.common.annotation.NonBlocking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The server's clock, unauthenticated: a device whose clock is off can set it before its first signed request
 * (every later response carries {@code X-Server-Time} as well). It does no I/O at all.
 */
@Path("/api/v1/devices/time")
@PermitAll
@Tag(name = "Polling")
public class ServerTimeResource {

    private final Clock clock;

    ServerTimeResource(Clock clock) {
        this.clock = clock;
    }

    @Schema(description = "The server's clock", requiredProperties = "server_time")
    public record ServerTime(@Schema(description = "The server's clock") Instant serverTime) {
    }

    @GET
    @Operation(summary = "Read the server's clock", description = "Unauthenticated: a device whose clock is off "
            + "sets it before its first signed request (DHMAC-SHA256 accepts `ts` within 60 s of it).")
    @APIResponse(responseCode = "200", description = "The server's time",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ServerTime.class)))
    @NonBlocking
    public ServerTime now() {
        return new ServerTime(clock.instant());
    }
}
