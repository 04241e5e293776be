package com.tradesignals.execution.reports;

import com.tradesignals.execution.ledger.ExecutionMetrics;
import com.tradesignals.execution.ledger.ReportType;
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
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Execution reports from devices (DHMAC-SHA256 signed requests only). Each answers 200 with what the report did,
 * or 202 when its signal is not known yet; a retry of the same report gets the same answer.
 */
@Path("/api/v1/exec")
@RolesAllowed(DeviceIdentityProvider.ROLE)
@HttpAuthenticationMechanism(DeviceAuthenticationMechanism.SCHEME)
@Tag(name = "Execution reports", description = "Devices report what became of a signal (DHMAC-SHA256 signed). Each "
        + "report is idempotent by `report_id`")
@SecurityRequirement(name = "DHMAC-SHA256")
@APIResponse(responseCode = "200", description = "What the report did and where the execution stands",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportAnswer.class)))
@APIResponse(responseCode = "202", description = "The signal is not known yet: the report is kept and applied when "
        + "it arrives (`outcome` AWAITING_SIGNAL); a retry gets the same answer",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportAnswer.class)))
@APIResponse(responseCode = "404", description = "`/problems/not-found`: the signal is another user's")
@APIResponse(responseCode = "409", description = "`/problems/report-id-conflict`: this device sent a different "
        + "report under the same `report_id`; `/problems/duplicate-trade-id` (fills): the `trade_id` was reported "
        + "already for this execution")
public class ReportResource {

    private final ReportService reports;
    private final ExecutionMetrics metrics;
    private final SecurityIdentity identity;

    ReportResource(ReportService reports, ExecutionMetrics metrics, SecurityIdentity identity) {
        this.reports = reports;
        this.metrics = metrics;
        this.identity = identity;
    }

    @POST
    @Path("/ack")
    @Operation(summary = "Acknowledge a signal", description = "The device received the signal and is acting on it "
            + "(FIX ExecType=New).")
    public Uni<Response> ack(@Valid @NotNull AckReport report) {
        return submit(report);
    }

    @POST
    @Path("/fill")
    @Operation(summary = "Report a fill", description = "The broker filled (part of) the order. A fill that cannot "
            + "count on its own (price out of band, side mismatch, off lot step, overfill, ...) is kept for an "
            + "administrator's review and says so in `outcome`.")
    @APIResponse(responseCode = "400", description = "`/problems/validation`: a field is missing or invalid; "
            + "`/problems/fill-time-in-future`: `filled_at` is later than the server's time plus the allowed skew; "
            + "`/problems/malformed-json`: the body is not JSON")
    public Uni<Response> fill(@Valid @NotNull FillReport report) {
        return submit(report);
    }

    @POST
    @Path("/error")
    @Operation(summary = "Report a failure", description = "The device could not execute the signal: the terminal's "
            + "or broker's status code and message (FIX ExecType=Rejected).")
    public Uni<Response> error(@Valid @NotNull ErrorReport report) {
        return submit(report);
    }

    @POST
    @Path("/placed")
    @Operation(summary = "Report a placed order", description = "The signal's pending (LIMIT or STOP) order rests "
            + "with the broker under its order ticket (FIX OrdStatus New). Announced once on executions.v1.")
    public Uni<Response> placed(@Valid @NotNull PlacedReport report) {
        return submit(report);
    }

    @POST
    @Path("/cancelled")
    @Operation(summary = "Report a cancelled order", description = "The terminal cancelled the order, on a cancel "
            + "delivery or on its own: one that never filled ends CANCELLED, a partially filled one DONE (its rest no "
            + "longer open, its filled lots a position).")
    public Uni<Response> cancelled(@Valid @NotNull CancelledReport report) {
        return submit(report);
    }

    @POST
    @Path("/modified")
    @Operation(summary = "Report a modified trade", description = "The terminal set the stop loss and take profit "
            + "of a modify delivery with the broker.")
    public Uni<Response> modified(@Valid @NotNull ModifiedReport report) {
        return submit(report);
    }

    @POST
    @Path("/close-fill")
    @Operation(summary = "Report a closing deal", description = "The broker closed (part of) the position the signal "
            + "opened. The position's realized P&L moves; once nothing is open it is CLOSED. Closing more than is "
            + "open is kept for review (`OVERCLOSE_QUARANTINED`).")
    @APIResponse(responseCode = "400", description = "`/problems/validation`: a field is missing or invalid; "
            + "`/problems/fill-time-in-future`: `closed_at` is later than the server's time plus the allowed skew")
    public Uni<Response> closeFill(@Valid @NotNull CloseFillReport report) {
        return submit(report);
    }

    @POST
    @Path("/positions")
    @Operation(summary = "Report the terminal's open positions", description = "All of the terminal's open "
            + "positions for the platform's signals. Each signal on which the terminal and the platform hold "
            + "different lots is flagged and announced once (`execution.position-mismatch.v1`).")
    @APIResponse(responseCode = "200", description = "What the snapshot found",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PositionsAnswer.class)))
    public Uni<Response> positions(@Valid @NotNull PositionsReport report) {
        return answer(report.type(), caller -> reports.submitPositions(caller, report));
    }

    private Uni<Response> submit(DeviceReport report) {
        return answer(report.type(), caller -> reports.submit(caller, report));
    }

    /** The stored answer as the response; a refused report is counted under its problem's slug. */
    private Uni<Response> answer(ReportType type, Function<DeviceCaller, Uni<ReportService.StoredAnswer>> submission) {
        return Uni.createFrom().deferred(() -> submission.apply(DeviceCaller.of(identity)))
                .onFailure(ProblemException.class)
                .invoke(problem -> metrics.report(type.name(), ((ProblemException) problem).slug()))
                .map(answer -> Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body())
                        .build());
    }
}
