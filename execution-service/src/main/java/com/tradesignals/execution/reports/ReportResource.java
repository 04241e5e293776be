package com.tradesignals.execution.reports;

import com.tradesignals.execution.ledger.ExecutionMetrics;
import com.tradesignals.platform.deviceauth.DeviceAuthenticationMechanism;
import com.tradesignals.platform.deviceauth.DeviceIdentityProvider;
import com.tradesignals.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Execution reports from devices (DHMAC-SHA256 signed requests only). Each answers 200 with what the report did,
 * or 202 when its signal is not known yet; a retry of the same report gets the same answer.
 */
@Path("/api/v1/exec")
@RolesAllowed(DeviceIdentityProvider.ROLE)
@HttpAuthenticationMechanism(DeviceAuthenticationMechanism.SCHEME)
public class ReportResource {

    private final ReportService reports;
    private final ExecutionMetrics metrics;
    private final SecurityIdentity identity;

    ReportResource(ReportService reports, ExecutionMetrics metrics, SecurityIdentity identity) {
        this.reports = reports;
        this.metrics = metrics;
        this.identity = identity;
    }

    /** The device received the signal and is acting on it. */
    @POST
    @Path("/ack")
    public Uni<Response> ack(@Valid @NotNull AckReport report) {
        return submit(report);
    }

    /** The broker filled (part of) the order. */
    @POST
    @Path("/fill")
    public Uni<Response> fill(@Valid @NotNull FillReport report) {
        return submit(report);
    }

    /** The device could not execute the signal. */
    @POST
    @Path("/error")
    public Uni<Response> error(@Valid @NotNull ErrorReport report) {
        return submit(report);
    }

    private Uni<Response> submit(DeviceReport report) {
        return Uni.createFrom().deferred(() -> reports.submit(DeviceCaller.of(identity), report))
                .onFailure(ProblemException.class)
                .invoke(problem -> metrics.report(report.type().name(), ((ProblemException) problem).slug()))
                .map(answer -> Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body())
                        .build());
    }
}
