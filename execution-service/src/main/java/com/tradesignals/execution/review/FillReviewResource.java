package com.tradesignals.execution.review;

import com.tradesignals.execution.ledger.FillStatus;
import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import com.tradesignals.platform.problem.QueryParameters;
import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Administrators' review of fills that could not count on their own (docs/execution-service.md, "Review queue"). */
@Path("/api/v1/exec/admin/fills")
@RolesAllowed("admin")
@Tag(name = "Fill administration")
@SecurityRequirement(name = "bearer-jwt", scopes = "admin")
public class FillReviewResource {

    private static final String NOT_UNDER_REVIEW = "`/problems/fill-not-under-review`: only a held, flagged or "
            + "quarantined fill can be approved or rejected";

    private final FillReviewService reviews;
    private final CurrentUser currentUser;

    FillReviewResource(FillReviewService reviews, CurrentUser currentUser) {
        this.reviews = reviews;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/review")
    @Operation(summary = "List fills awaiting review", description = "Held, quarantined and flagged fills, oldest "
            + "first. Role `admin`.")
    @APIResponse(responseCode = "200", description = "One page of fills")
    public Uni<Page<FillUnderReview>> queue(
            @Parameter(description = "Only fills of this status: HELD, QUARANTINED or FLAGGED (any case)",
                    schema = @Schema(enumeration = { "HELD", "QUARANTINED", "FLAGGED" })) @RestQuery String status,
            @Parameter(description = "The `next_cursor` of the previous page") @RestQuery String cursor,
            @Parameter(description = "Page size") @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return reviews.queue(QueryParameters.enumValue(FillStatus.class, "status", status), Cursor.decode(cursor), limit);
    }

    @POST
    @Path("/{fill_id}/approve")
    @Operation(summary = "Approve a fill under review", description = "The fill counts (and earns commission) as "
            + "reported; audited and published. Role `admin`.")
    @APIResponse(responseCode = "200", description = "The decided fill and its execution's figures now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewedFill.class)))
    @APIResponse(responseCode = "409", description = NOT_UNDER_REVIEW)
    public Uni<ReviewedFill> approve(@Parameter(description = "The fill's id; text that is not a UUID answers 400 "
            + "`/problems/validation`") @PathParam("fill_id") UUID fillId, @Valid @NotNull ReviewDecision decision) {
        return reviews.approve(fillId, decision.reason().strip(), currentUser.id());
    }

    @POST
    @Path("/{fill_id}/reject")
    @Operation(summary = "Reject a fill under review", description = "The fill never counts; audited and "
            + "published. Role `admin`.")
    @APIResponse(responseCode = "200", description = "The decided fill and its execution's figures now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewedFill.class)))
    @APIResponse(responseCode = "409", description = NOT_UNDER_REVIEW)
    public Uni<ReviewedFill> reject(@Parameter(description = "The fill's id; text that is not a UUID answers 400 "
            + "`/problems/validation`") @PathParam("fill_id") UUID fillId, @Valid @NotNull ReviewDecision decision) {
        return reviews.reject(fillId, decision.reason().strip(), currentUser.id());
    }

}
