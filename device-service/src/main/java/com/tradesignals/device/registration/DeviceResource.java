package com.tradesignals.device.registration;

import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A user's devices: link a terminal, list, rename, unlink (rotating its key: {@code keys.KeyRotationResource}).
 * Another user's device answers 404.
 */
@Path("/api/v1/devices")
@RolesAllowed("user")
@Tag(name = "Devices", description = "A user links, names, re-keys and unlinks their trading terminals")
@SecurityRequirement(name = "bearer-jwt", scopes = "user")
public class DeviceResource {

    private static final String ID = "The device's id; text that is not a UUID answers 400 `/problems/validation`";
    private static final String UNLINKED = "`/problems/device-unlinked`: the device was unlinked";

    private final DeviceRegistrationService registration;
    private final CurrentUser currentUser;

    DeviceResource(DeviceRegistrationService registration, CurrentUser currentUser) {
        this.registration = registration;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link a device", description = "Registers a terminal of the caller (role `user`) and "
            + "answers its signing secret, once: it cannot be shown again (`Cache-Control: no-store`).")
    @APIResponse(responseCode = "201", description = "Registered; `Location` is the device",
            headers = @Header(name = "Location", description = "The device's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = RegisteredDevice.class)))
    @APIResponse(responseCode = "409", description = "`/problems/device-limit-reached`: the caller has as many "
            + "devices as allowed (`devices.max-per-user`)")
    public Uni<RestResponse<RegisteredDevice>> register(@Valid @NotNull RegisterDeviceRequest request) {
        return registration.register(currentUser.id(), request.name())
                .map(device -> RestResponse.ResponseBuilder.<RegisteredDevice>create(RestResponse.Status.CREATED)
                        .location(URI.create("/api/v1/devices/" + device.deviceId()))
                        .entity(device)
                        .header("Cache-Control", "no-store")
                        .build());
    }

    @GET
    @Operation(summary = "List my devices", description = "The caller's devices, unlinked ones included.",
            operationId = "listDevices")
    @APIResponse(responseCode = "200", description = "The devices",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeviceView.class,
                    type = SchemaType.ARRAY)))
    public Uni<List<DeviceView>> list() {
        return registration.list(currentUser.id());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a device", description = "One of the caller's devices; another user's answers 404.")
    @APIResponse(responseCode = "200", description = "The device",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeviceView.class)))
    public Uni<DeviceView> get(@Parameter(description = ID) @PathParam("id") UUID id) {
        return registration.get(currentUser.id(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a device")
    @APIResponse(responseCode = "200", description = "The renamed device",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "409", description = UNLINKED)
    public Uni<DeviceView> rename(@Parameter(description = ID) @PathParam("id") UUID id,
            @Valid @NotNull RenameDeviceRequest request) {
        return registration.rename(currentUser.id(), id, request.name());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unlink a device", description = "Its keys stop working at once and its parked polls are "
            + "answered 401. Unlinking an unlinked device answers 204 again.")
    @APIResponse(responseCode = "204", description = "Unlinked")
    public Uni<Void> unlink(@Parameter(description = ID) @PathParam("id") UUID id) {
        return registration.unlink(currentUser.id(), id);
    }
}
