package com.tradesignals.device.polling;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Devices fetch their signals here, signed with DHMAC-SHA256 (no JWT). Telegram-style cursor: {@code after}
 * acknowledges every delivery up to it; unacknowledged ones are handed out again.
 */
@Path("/api/v1/devices/poll")
@RolesAllowed("device")
@HttpAuthenticationMechanism("DHMAC-SHA256")
@Tag(name = "Polling", description = "Devices fetch their signals (DHMAC-SHA256 signed, no JWT)")
@SecurityRequirement(name = "DHMAC-SHA256")
public class PollResource {

    private final PollService polls;
    private final SecurityIdentity identity;

    PollResource(PollService polls, SecurityIdentity identity) {
        this.polls = polls;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Poll for signals", description = "Answers the device's due deliveries at once, or parks "
            + "the request (long poll) for up to `wait` seconds until one arrives. `after` acknowledges every "
            + "delivery up to it; unacknowledged ones are handed out again. A newer poll of the same device "
            + "answers this one with `is_superseded`; unlinking the device answers it 401.")
    @APIResponse(responseCode = "200", description = "The deliveries (possibly none)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PollResponse.class)))
    public Uni<PollResponse> poll(
            @Parameter(description = "The highest sequence received so far (acknowledges it and everything before "
                    + "it); omitted: the last acknowledged one",
                            example = "41") @QueryParam("after") @PositiveOrZero Long after,
            @Parameter(description = "How many deliveries at most (capped by `devices.poll.max-limit`)", example = "10")
            @QueryParam("limit") @Min(1) @Max(10_000) Integer limit,
            @Parameter(description = "Seconds to wait for a delivery when none is due (capped by "
                    + "`devices.poll.max-wait`, 25 s); 0 answers at once", example = "25")
            @QueryParam("wait") @PositiveOrZero @Max(3600) Integer wait) {
        return polls.poll(UUID.fromString(identity.getPrincipal().getName()), after, limit, wait);
    }
}
