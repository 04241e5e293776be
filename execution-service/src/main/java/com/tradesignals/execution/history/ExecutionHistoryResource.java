package com.tradesignals.execution.history;

import com.tradesignals.execution.ledger.ExecutionStore.ExecutionFilter;
import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/** The caller's execution history and per-signal summaries (docs/execution-service.md, "Execution history"). */
@Path("/api/v1/exec")
@RolesAllowed("user")
@Tag(name = "Execution history", description = "The caller's executions and what became of each signal")
@SecurityRequirement(name = "bearer-jwt", scopes = "user")
public class ExecutionHistoryResource {

    private final ExecutionHistoryService history;
    private final CurrentUser currentUser;

    ExecutionHistoryResource(ExecutionHistoryService history, CurrentUser currentUser) {
        this.history = history;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/executions")
    @Produces({ MediaType.APPLICATION_JSON, CsvExecutions.MEDIA_TYPE })
    @Operation(summary = "List my executions", description = "The caller's executions (one per signal and device), "
            + "newest created first. `Accept: text/csv` answers the whole filtered list as CSV "
            + "(`Content-Disposition: attachment`) instead of a page. Role `user`.")
    @APIResponse(responseCode = "200", description = "One page of executions, or the CSV export", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionPage.class)),
            @Content(mediaType = CsvExecutions.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "`/problems/validation`: a parameter is invalid, named in the "
            + "detail (`to` must be after `from`); `/problems/export-too-large`: a CSV export over "
            + "`execution.csv-max-rows` executions: choose a shorter period")
    public Uni<Response> executions(@BeanParam HistoryFilterParameters filterParameters,
            @Parameter(description = "The `next_cursor` of the previous page") @RestQuery String cursor,
            @Parameter(description = "Page size") @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit,
            @Parameter(hidden = true) @RestHeader("Accept") String accept) {
        ExecutionFilter filter = filterParameters.filter();
        if (accept != null && accept.contains(CsvExecutions.MEDIA_TYPE)) {
            return history.export(currentUser.id(), filter).map(items -> Response
                    .ok(CsvExecutions.render(items), CsvExecutions.MEDIA_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"executions.csv\"")
                    .build());
        }
        return history.history(currentUser.id(), filter, Cursor.decode(cursor), limit)
                .map(page -> Response.ok(page, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/signals/{signal_id}/summary")
    @Operation(summary = "Summarise a signal", description = "The signal and, for each of the caller's devices that "
            + "acknowledged, filled or failed it, its state, lots filled, average entry price and slippage; totals "
            + "across devices. Realized P&L is not part of it yet (no closing fills are recorded). Role `user`.")
    @APIResponse(responseCode = "200", description = "The signal's summary",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SignalSummary.class)))
    public Uni<SignalSummary> summary(@Parameter(description = "The signal's id; text that is not a UUID answers 400 "
            + "`/problems/validation`; a signal the caller does not own answers 404")
            @PathParam("signal_id") UUID signalId) {
        return history.summary(signalId, currentUser.id());
    }

    /** The JSON answer of {@code executions} (a Page of items), for the document only: it answers a Response. */
    @Schema(description = "One page of executions, newest created first", requiredProperties = "items")
    record ExecutionPage(@Schema(description = "This page's executions") List<ExecutionItem> items,
            @Schema(description = "Pass as `cursor` to fetch the following page; null on the last page",
                    nullable = true) String nextCursor) {
    }
}
