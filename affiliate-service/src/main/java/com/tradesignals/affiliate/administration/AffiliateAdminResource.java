package com.tradesignals.affiliate.administration;

import static com.tradesignals.affiliate.ApiDescriptions.NOT_AN_AFFILIATE;
import static com.tradesignals.affiliate.ApiDescriptions.USER_ID;

import com.tradesignals.affiliate.ledger.HistoryEntry;
import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
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
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Suspensions and adjustments of one affiliate. Operations on the programme (this and the other features'
 * resources under {@code /api/v1/affiliates/admin}): payouts of every affiliate, any affiliate's ledger,
 * suspensions and adjustments, and the fills the fee schedule could not price.
 */
@Path("/api/v1/affiliates/admin")
@RolesAllowed("admin")
@Tag(name = "Affiliate administration", description = "Administrators operate the programme: payouts, ledgers, "
        + "suspensions, adjustments and unpriced fills")
@SecurityRequirement(name = "bearer-jwt", scopes = "admin")
public class AffiliateAdminResource {

    private static final String SUSPENSION_CONFLICT = "`/problems/suspension-status-conflict`: the affiliate is "
            + "suspended already, or not suspended";

    private final SuspensionService suspensions;
    private final AdjustmentService adjustments;
    private final CurrentUser currentUser;

    AffiliateAdminResource(SuspensionService suspensions, AdjustmentService adjustments, CurrentUser currentUser) {
        this.suspensions = suspensions;
        this.adjustments = adjustments;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/affiliates/{userId}/suspend")
    @Operation(summary = "Suspend an affiliate", description = "No payouts and accruals held until `unsuspend`.")
    @APIResponse(responseCode = "200", description = "The affiliate's standing",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AffiliateStanding.class)))
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    @APIResponse(responseCode = "409", description = SUSPENSION_CONFLICT)
    public Uni<AffiliateStanding> suspend(@Parameter(description = USER_ID) @RestPath UUID userId,
            @Valid @NotNull SuspendRequest request) {
        return suspensions.suspend(currentUser.id(), userId, request.reason().strip());
    }

    @POST
    @Path("/affiliates/{userId}/unsuspend")
    @Operation(summary = "Lift a suspension")
    @APIResponse(responseCode = "200", description = "The affiliate's standing",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AffiliateStanding.class)))
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    @APIResponse(responseCode = "409", description = SUSPENSION_CONFLICT)
    public Uni<AffiliateStanding> unsuspend(@Parameter(description = USER_ID) @RestPath UUID userId) {
        return suspensions.unsuspend(currentUser.id(), userId);
    }

    @POST
    @Path("/affiliates/{userId}/adjustments")
    @Operation(summary = "Adjust an affiliate's ledger",
            description = "A manual, signed ledger entry; answered as the affiliate's history shows it.")
    @APIResponse(responseCode = "201", description = "The entry",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HistoryEntry.class)))
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    public Uni<RestResponse<HistoryEntry>> adjust(@Parameter(description = USER_ID) @RestPath UUID userId,
            @Valid @NotNull AdjustmentRequest request) {
        return adjustments.adjust(currentUser.id(), userId, request.amount(), request.reason().strip())
                .map(entry -> RestResponse.status(RestResponse.Status.CREATED, entry));
    }
}
