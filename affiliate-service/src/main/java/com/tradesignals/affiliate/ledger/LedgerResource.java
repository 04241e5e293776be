package com.tradesignals.affiliate.ledger;

import static com.tradesignals.affiliate.ApiDescriptions.NOT_AN_AFFILIATE;

import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
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

/** The caller's ledger: dashboard, balances and statement. */
@Path("/api/v1/affiliates")
@RolesAllowed("user")
@Tag(name = "Affiliate programme")
@SecurityRequirement(name = "bearer-jwt", scopes = "user")
public class LedgerResource {

    private final LedgerService ledger;
    private final CurrentUser currentUser;

    LedgerResource(LedgerService ledger, CurrentUser currentUser) {
        this.ledger = ledger;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Read my dashboard",
            description = "Balances, tier progress, referrals per level and earnings per month.")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatsView.class)))
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    public Uni<StatsView> stats() {
        return ledger.stats(currentUser.id());
    }

    @GET
    @Path("/balances")
    @Operation(summary = "Read my balances",
            description = "Always `earned = held + available + reserved + paid - clawed_back`.")
    @APIResponse(responseCode = "200", description = "The balances",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Balances.class)))
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    public Uni<Balances> balances() {
        return ledger.balances(currentUser.id());
    }

    @GET
    @Path("/history")
    @Produces({ MediaType.APPLICATION_JSON, CsvStatement.MEDIA_TYPE })
    @Operation(summary = "Read my ledger history",
            description = "Ledger entries, newest first. `Accept: text/csv` answers the whole filtered statement as "
                    + "CSV (`Content-Disposition: attachment`) instead of a page.")
    @APIResponse(responseCode = "200", description = "One page of entries, or the CSV statement", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryPage.class)),
            @Content(mediaType = CsvStatement.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "`/problems/validation`: a parameter is invalid (`to` must be "
            + "after `from`); `/problems/statement-too-large`: a CSV statement over `affiliates.statement-max-rows` "
            + "entries: choose a shorter period")
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    public Uni<Response> history(@BeanParam StatementFilterParameters statementFilter,
            @Parameter(description = "The `next_cursor` of the previous page")
            @RestQuery String cursor,
            @Parameter(description = "Page size") @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit,
            @Parameter(hidden = true) @RestHeader("Accept") String accept) {
        HistoryFilter filter = statementFilter.filter();
        if (accept != null && accept.contains(CsvStatement.MEDIA_TYPE)) {
            return ledger.statement(currentUser.id(), filter).map(entries -> Response
                    .ok(CsvStatement.render(entries), CsvStatement.MEDIA_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"commission-statement.csv\"")
                    .build());
        }
        return ledger.history(currentUser.id(), filter, Cursor.decode(cursor), limit)
                .map(page -> Response.ok(page, MediaType.APPLICATION_JSON).build());
    }

    /** The JSON answer of {@code history} (a {@link Page} of entries), for the document only: it answers a Response. */
    @Schema(description = "One page of ledger entries, newest first", requiredProperties = "items")
    record HistoryPage(@Schema(description = "This page's entries") List<HistoryEntry> items,
            @Schema(description = "Pass as `cursor` to fetch the following page; null on the last page",
                    nullable = true) String nextCursor) {
    }
}
