package com.tradesignals.execution.review;

import com.tradesignals.execution.ledger.FillStatus;
import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import com.tradesignals.platform.problem.ProblemException;
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
import java.util.Locale;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestQuery;

/** Administrators' review of fills that could not count on their own (docs/execution-service.md, "Review queue"). */
@Path("/api/v1/exec/admin/fills")
@RolesAllowed("admin")
public class FillReviewResource {

    private final FillReviewService reviews;
    private final CurrentUser currentUser;

    FillReviewResource(FillReviewService reviews, CurrentUser currentUser) {
        this.reviews = reviews;
        this.currentUser = currentUser;
    }

    /** Fills awaiting review, oldest first; {@code status} HELD, QUARANTINED or FLAGGED narrows the list. */
    @GET
    @Path("/review")
    public Uni<Page<FillUnderReview>> queue(@RestQuery String status, @RestQuery String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return reviews.queue(statusOf(status), Cursor.decode(cursor), limit);
    }

    @POST
    @Path("/{fill_id}/approve")
    public Uni<ReviewedFill> approve(@PathParam("fill_id") UUID fillId, @Valid @NotNull ReviewDecision decision) {
        return reviews.approve(fillId, decision.reason().strip(), currentUser.id());
    }

    @POST
    @Path("/{fill_id}/reject")
    public Uni<ReviewedFill> reject(@PathParam("fill_id") UUID fillId, @Valid @NotNull ReviewDecision decision) {
        return reviews.reject(fillId, decision.reason().strip(), currentUser.id());
    }

    private static FillStatus statusOf(String status) {
        try {
            return status == null ? null : FillStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("validation", "Invalid request", "Invalid fields: status");
        }
    }
}
