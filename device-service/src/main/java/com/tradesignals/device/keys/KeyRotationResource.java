package com.tradesignals.device.keys;

import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A user rotates the key of one of their devices. Another user's device answers 404. */
@Path("/api/v1/devices/{id}/rotate-key")
@RolesAllowed("user")
@Tag(name = "Devices")
@SecurityRequirement(name = "bearer-jwt", scopes = "user")
public class KeyRotationResource {

    private final KeyRotationService rotation;
    private final CurrentUser currentUser;

    KeyRotationResource(KeyRotationService rotation, CurrentUser currentUser) {
        this.rotation = rotation;
        this.currentUser = currentUser;
    }

    @POST
    @Operation(summary = "Rotate a device's key", description = "Issues a new secret, answered once "
            + "(`Cache-Control: no-store`); the previous one keeps working for the grace period "
            + "(`devices.key-rotation-grace`).")
    @APIResponse(responseCode = "200", description = "The new key",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RotatedKey.class)))
    @APIResponse(responseCode = "409", description = "`/problems/device-unlinked`: the device was unlinked")
    public Uni<RestResponse<RotatedKey>> rotateKey(@Parameter(description = "The device's id; text that is not a "
            + "UUID answers 400 `/problems/validation`") @PathParam("id") UUID id) {
        return rotation.rotate(currentUser.id(), id)
                .map(key -> RestResponse.ResponseBuilder.ok(key).header("Cache-Control", "no-store").build());
    }
}
