package com.tradesignals.affiliate.commission;

import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import com.tradesignals.platform.problem.QueryParameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The fills the fee schedule could not price, for administrators to settle by hand. */
@Path("/api/v1/affiliates/admin")
@RolesAllowed("admin")
@Tag(name = "Affiliate administration")
@SecurityRequirement(name = "bearer-jwt", scopes = "admin")
public class UnpricedFillResource {

    private final UnpricedFillService unpricedFills;

    UnpricedFillResource(UnpricedFillService unpricedFills) {
        this.unpricedFills = unpricedFills;
    }

    @GET
    @Path("/unpriced-fills")
    @Operation(summary = "List unpriced fills",
            description = "Fills of referred users that earned nothing because the fee schedule could not price "
                    + "them, newest first.")
    @APIResponse(responseCode = "200", description = "One page of unpriced fills")
    public Uni<Page<UnpricedFillView>> unpricedFills(
            @Parameter(description = "Only fills unpriced for this reason",
                    schema = @Schema(enumeration = { "unknown-instrument", "no-schedule-entry",
                            "foreign-quote-currency", "invalid-price" }))
            @RestQuery String reason,
            @Parameter(description = "The `next_cursor` of the previous page")
            @RestQuery String cursor,
            @Parameter(description = "Page size") @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return unpricedFills.page(unpricedReason(reason), Cursor.decode(cursor), limit);
    }

    private static UnpricedReason unpricedReason(String reason) {
        try {
            return reason == null ? null : UnpricedReason.fromCode(reason.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid("reason");
        }
    }
}
