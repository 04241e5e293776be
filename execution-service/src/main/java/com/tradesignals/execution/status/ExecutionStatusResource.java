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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where a signal's executions stand. Callable by its owner (JWT) or by one of the owner's devices (DHMAC-SHA256;
 * a device sees its own execution only): no mechanism is pinned, so both are tried.
 */
@Path("/api/v1/exec/status")
@RolesAllowed({ "user", DeviceIdentityProvider.ROLE })
@Tag(name = "Execution status", description = "Where a signal's executions stand, per device")
@SecurityRequirement(name = "bearer-jwt", scopes = "user")
@SecurityRequirement(name = "DHMAC-SHA256")
public class ExecutionStatusResource {

    private final ExecutionStatusService status;
    private final SecurityIdentity identity;
    private final Instance<CurrentUser> currentUser;

    ExecutionStatusResource(ExecutionStatusService status, SecurityIdentity identity,
            Instance<CurrentUser> currentUser) {
        this.status = status;
        this.identity = identity;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/{signal_id}")
    @Operation(summary = "Read a signal's executions", description = "The signal and how each device's execution "
            + "of it stands (FIX-like figures and every fill). Either its owner (JWT, role `user`) or one of the "
            + "owner's devices (DHMAC-SHA256; a device sees its own execution only).")
    @APIResponse(responseCode = "200", description = "The signal and its executions",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SignalStatus.class)))
    public Uni<SignalStatus> status(@Parameter(description = "The signal's id; text that is not a UUID answers 400 "
            + "`/problems/validation`; a signal the caller does not own answers 404")
            @PathParam("signal_id") UUID signalId) {
        if (identity.hasRole(DeviceIdentityProvider.ROLE)) {
            DeviceCaller device = DeviceCaller.of(identity);
            return status.status(signalId, device.userId(), Optional.of(device.deviceId()));
        }
        return status.status(signalId, currentUser.get().id(), Optional.empty());
    }
}
