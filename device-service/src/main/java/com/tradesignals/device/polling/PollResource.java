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

/**
 * Devices fetch their signals here, signed with DHMAC-SHA256 (no JWT). Telegram-style cursor: {@code after}
 * acknowledges every delivery up to it; unacknowledged ones are handed out again.
 */
@Path("/api/v1/devices/poll")
@RolesAllowed("device")
@HttpAuthenticationMechanism("DHMAC-SHA256")
public class PollResource {

    private final PollService polls;
    private final SecurityIdentity identity;

    PollResource(PollService polls, SecurityIdentity identity) {
        this.polls = polls;
        this.identity = identity;
    }

    /**
     * @param after the highest sequence received so far (acknowledges it and everything before it)
     * @param limit how many deliveries at most (capped by configuration)
     * @param wait  seconds to wait for a delivery when none is due (capped by configuration)
     */
    @GET
    public Uni<PollResponse> poll(@QueryParam("after") @PositiveOrZero Long after,
            @QueryParam("limit") @Min(1) @Max(10_000) Integer limit,
            @QueryParam("wait") @PositiveOrZero @Max(3600) Integer wait) {
        return polls.poll(UUID.fromString(identity.getPrincipal().getName()), after, limit, wait);
    }
}
