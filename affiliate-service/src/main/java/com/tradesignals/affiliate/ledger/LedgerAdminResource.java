package com.tradesignals.affiliate.ledger;

import static com.tradesignals.affiliate.ApiDescriptions.NOT_AN_AFFILIATE;
import static com.tradesignals.affiliate.ApiDescriptions.USER_ID;

import com.tradesignals.platform.paging.Cursor;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Any affiliate's ledger, as an administrator reads it. */
@Path("/api/v1/affiliates/admin")
@RolesAllowed("admin")
@Tag(name = "Affiliate administration")
@SecurityRequirement(name = "bearer-jwt", scopes = "admin")
public class LedgerAdminResource {

    private final LedgerService ledger;

    LedgerAdminResource(LedgerService ledger) {
        this.ledger = ledger;
    }

    @GET
    @Path("/affiliates/{userId}/ledger")
    @Operation(summary = "Read an affiliate's ledger",
            description = "Standing, balances and one page of ledger entries, newest first.")
    @APIResponse(responseCode = "200", description = "The ledger",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LedgerService.LedgerView.class)))
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    public Uni<LedgerService.LedgerView> ledger(@Parameter(description = USER_ID) @RestPath UUID userId,
            @BeanParam StatementFilterParameters statementFilter,
            @Parameter(description = "The `next_cursor` of the previous page") @RestQuery String cursor,
            @Parameter(description = "Page size") @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return ledger.ledgerOf(userId, statementFilter.filter(), Cursor.decode(cursor), limit);
    }
}
