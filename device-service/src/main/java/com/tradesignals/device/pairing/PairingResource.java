package com.tradesignals.device.pairing;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The terminal's side of pairing, unauthenticated (it has no credentials yet): start a pairing, then ask for its key
 * until the user has approved it. Limits per address are the gateway's; the service caps pending pairings.
 */
@Path("/api/v1/devices/pairing")
@PermitAll
@Tag(name = "Pairing", description = "A terminal is linked by the user entering the code it shows, and collects "
        + "its key itself (like RFC 8628's device authorization grant)")
public class PairingResource {

    private final PairingService pairing;

    PairingResource(PairingService pairing) {
        this.pairing = pairing;
    }

    @POST
    @Operation(summary = "Start pairing a terminal", description = "Unauthenticated. The terminal shows `user_code` "
            + "(and `verification_uri` when answered) to the user, keeps `device_code` to itself, and asks for its key "
            + "every `interval` seconds until it gets it or `expires_in` seconds have passed.")
    @APIResponse(responseCode = "201", description = "Started (`Cache-Control: no-store`)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StartedPairing.class)))
    @APIResponse(responseCode = "429", description = "`/problems/too-many-pairings`: the service holds as many "
            + "pending pairings as allowed (`devices.pairing.max-pending`); `/problems/rate-limited`: the gateway's "
            + "limit per address")
    public Uni<RestResponse<StartedPairing>> start() {
        return pairing.start().map(started -> RestResponse.ResponseBuilder.<StartedPairing>create(
                RestResponse.Status.CREATED).entity(started).header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Collect a paired terminal's key", description = "Unauthenticated; the device code is the "
            + "credential. Answers the key once the user approved the pairing, exactly once (`Cache-Control: "
            + "no-store`).")
    @APIResponse(responseCode = "200", description = "The device's key id and secret",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PairedDeviceKey.class)))
    @APIResponse(responseCode = "400", description = "`/problems/authorization-pending`: not approved yet, ask again "
            + "after `interval`; `/problems/slow-down`: asked sooner than `interval` after the previous request; "
            + "`/problems/expired-token`: the pairing expired, start a new one; `/problems/pairing-code-invalid`: "
            + "unknown device code, or its key was already collected (or the device unlinked); "
            + "`/problems/validation`, `/problems/malformed-json`: the body")
    public Uni<RestResponse<PairedDeviceKey>> collectKey(@Valid @NotNull CollectKeyRequest request) {
        return pairing.collect(request.deviceCode())
                .map(key -> RestResponse.ResponseBuilder.ok(key).header("Cache-Control", "no-store").build());
    }
}
