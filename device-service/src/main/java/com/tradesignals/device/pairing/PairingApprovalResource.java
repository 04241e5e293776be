package com.tradesignals.device.pairing;

import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The user's side of pairing: entering the code a terminal shows links that terminal to their account. */
@Path("/api/v1/devices/pair")
@RolesAllowed("user")
@Tag(name = "Pairing")
@SecurityRequirement(name = "bearer-jwt", scopes = "user")
public class PairingApprovalResource {

    private final PairingService pairing;
    private final CurrentUser currentUser;

    PairingApprovalResource(PairingService pairing, CurrentUser currentUser) {
        this.pairing = pairing;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a terminal's pairing", description = "Registers the terminal showing `user_code` "
            + "as a device of the caller (role `user`), as `register` does; the terminal then collects its secret "
            + "itself, the app never sees it.")
    @APIResponse(responseCode = "201", description = "Approved; `Location` is the device",
            headers = @Header(name = "Location", description = "The device's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApprovedPairing.class)))
    @APIResponse(responseCode = "400", description = "`/problems/pairing-code-invalid`: the code is unknown, expired "
            + "or already used (one answer for all three); `/problems/validation`, `/problems/malformed-json`: the body")
    @APIResponse(responseCode = "409", description = "`/problems/device-limit-reached`: the caller has as many "
            + "devices as allowed (`devices.max-per-user`); the code stays valid")
    @APIResponse(responseCode = "429", description = "`/problems/too-many-attempts`: the caller entered "
            + "`devices.pairing.max-failed-attempts` wrong codes within `devices.pairing.failed-attempt-window`; "
            + "`/problems/rate-limited`: the gateway's limit")
    public Uni<RestResponse<ApprovedPairing>> approve(@Valid @NotNull ApprovePairingRequest request) {
        return pairing.approve(currentUser.id(), request.userCode(), request.name())
                .map(device -> RestResponse.ResponseBuilder.<ApprovedPairing>create(RestResponse.Status.CREATED)
                        .location(URI.create("/api/v1/devices/" + device.deviceId()))
                        .entity(device)
                        .build());
    }
}
