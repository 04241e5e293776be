package com.tradesignals.device.registration;

import com.tradesignals.device.keys.KeyRotationService;
import com.tradesignals.device.keys.RotatedKey;
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
import org.jboss.resteasy.reactive.RestResponse;

/** A user's devices: link a terminal, list, rename, rotate its key, unlink. Another user's device answers 404. */
@Path("/api/v1/devices")
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
public class DeviceResource {

    private final DeviceRegistrationService registration;
    private final KeyRotationService rotation;
    private final CurrentUser currentUser;

    DeviceResource(DeviceRegistrationService registration, KeyRotationService rotation, CurrentUser currentUser) {
        this.registration = registration;
        this.rotation = rotation;
        this.currentUser = currentUser;
    }

    /** Registers a device and answers its secret, once: it cannot be shown again. */
    @POST
    @Path("/register")
    public Uni<RestResponse<RegisteredDevice>> register(@Valid @NotNull RegisterDeviceRequest request) {
        return registration.register(currentUser.id(), request.name())
                .map(device -> RestResponse.ResponseBuilder.<RegisteredDevice>create(RestResponse.Status.CREATED)
                        .location(URI.create("/api/v1/devices/" + device.deviceId()))
                        .entity(device)
                        .header("Cache-Control", "no-store")
                        .build());
    }

    @GET
    public Uni<List<DeviceView>> list() {
        return registration.list(currentUser.id());
    }

    @GET
    @Path("/{id}")
    public Uni<DeviceView> get(@PathParam("id") UUID id) {
        return registration.get(currentUser.id(), id);
    }

    @PATCH
    @Path("/{id}")
    public Uni<DeviceView> rename(@PathParam("id") UUID id, @Valid @NotNull RenameDeviceRequest request) {
        return registration.rename(currentUser.id(), id, request.name());
    }

    /** Issues a new secret, answered once; the previous one keeps working for the configured grace period. */
    @POST
    @Path("/{id}/rotate-key")
    public Uni<RestResponse<RotatedKey>> rotateKey(@PathParam("id") UUID id) {
        return rotation.rotate(currentUser.id(), id)
                .map(key -> RestResponse.ResponseBuilder.ok(key).header("Cache-Control", "no-store").build());
    }

    /** Unlinks the device: its keys stop working at once and its parked polls are answered 401. */
    @DELETE
    @Path("/{id}")
    public Uni<Void> unlink(@PathParam("id") UUID id) {
        return registration.unlink(currentUser.id(), id);
    }
}
