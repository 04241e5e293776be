package com.tradesignals.device.settings;

import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How one of the caller's devices trades: pause, symbol mapping, sizing, instrument allow-list. */
@Path("/api/v1/devices/{id}/settings")
@RolesAllowed("user")
@Tag(name = "Devices")
@SecurityRequirement(name = "bearer-jwt", scopes = "user")
public class DeviceSettingsResource {

    private static final String ID = "The device's id; text that is not a UUID answers 400 `/problems/validation`";

    private final DeviceSettingsService settings;
    private final CurrentUser currentUser;

    DeviceSettingsResource(DeviceSettingsService settings, CurrentUser currentUser) {
        this.settings = settings;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "Read a device's settings", description = "Another user's device answers 404.",
            operationId = "getDeviceSettings")
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = DeviceSettingsView.class)))
    public Uni<DeviceSettingsView> get(@Parameter(description = ID) @PathParam("id") UUID id) {
        return settings.get(currentUser.id(), id);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a device's settings", description = "Each section sent replaces the device's; "
            + "the new pause and sizing are announced (`device.settings-changed.v1`). They apply to signals issued "
            + "from now on; deliveries already made keep their symbol and lots.")
    @APIResponse(responseCode = "200", description = "The settings now", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = DeviceSettingsView.class)))
    @APIResponse(responseCode = "400", description = "`/problems/validation`: a field is invalid, or both "
            + "`lot_multiplier` and `fixed_lots` are set")
    @APIResponse(responseCode = "409", description = "`/problems/device-unlinked`: the device was unlinked")
    public Uni<DeviceSettingsView> update(@Parameter(description = ID) @PathParam("id") UUID id,
            @Valid @NotNull UpdateDeviceSettingsRequest request) {
        return settings.update(currentUser.id(), id, request);
    }
}
