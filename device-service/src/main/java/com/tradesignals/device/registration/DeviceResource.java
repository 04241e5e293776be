package com.tradesignals.device.registration;

import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** A user's devices: link a terminal, list them. */
@Path("/api/v1/devices")
@RolesAllowed("user")
public class DeviceResource {

    private final DeviceRegistrationService registration;
    private final CurrentUser currentUser;

    DeviceResource(DeviceRegistrationService registration, CurrentUser currentUser) {
        this.registration = registration;
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
}
