package com.tradesignals.execution.status;

import com.tradesignals.execution.reports.DeviceCaller;
import com.tradesignals.platform.deviceauth.DeviceIdentityProvider;
import com.tradesignals.platform.security.CurrentUser;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a signal's executions stand. Callable by its owner (JWT) or by one of the owner's devices (DHMAC-SHA256;
 * a device sees its own execution only): no mechanism is pinned, so both are tried.
 */
@Path("/api/v1/exec/status")
@RolesAllowed({ "user", DeviceIdentityProvider.ROLE })
public class ExecutionStatusResource {

    private final ExecutionStatusService status;
    private final SecurityIdentity identity;
    private final Instance<CurrentUser> currentUser;

    ExecutionStatusResource(ExecutionStatusService status, SecurityIdentity identity, Instance<CurrentUser> currentUser) {
        this.status = status;
        this.identity = identity;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/{signal_id}")
    public Uni<SignalStatus> status(@PathParam("signal_id") UUID signalId) {
        if (identity.hasRole(DeviceIdentityProvider.ROLE)) {
            DeviceCaller device = DeviceCaller.of(identity);
            return status.status(signalId, device.userId(), Optional.of(device.deviceId()));
        }
        return status.status(signalId, currentUser.get().id(), Optional.empty());
    }
}
