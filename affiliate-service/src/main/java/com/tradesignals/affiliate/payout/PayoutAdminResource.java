package com.tradesignals.affiliate.payout;

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

/** Every affiliate's payouts, as administrators operate them: list, fail, retry, run the job. */
@Path("/api/v1/affiliates/admin")
@RolesAllowed("admin")
@Tag(name = "Affiliate administration")
@SecurityRequirement(name = "bearer-jwt", scopes = "admin")
public class PayoutAdminResource {

    private final PayoutService payouts;
    private final PayoutProcessor processor;
    private final CurrentUser currentUser;

    PayoutAdminResource(PayoutService payouts, PayoutProcessor processor, CurrentUser currentUser) {
        this.payouts = payouts;
        this.processor = processor;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/payouts")
    @Operation(summary = "List all payouts", description = "Every affiliate's payouts, newest first.",
            operationId = "allPayouts")
    @APIResponse(responseCode = "200", description = "One page of payouts")
    public Uni<Page<PayoutView>> payouts(
            @Parameter(description = "Only payouts of this status (any case)",
                    schema = @Schema(implementation = Payout.Status.class))
            @RestQuery String status,
            @Parameter(description = "The `next_cursor` of the previous page")
            @RestQuery String cursor,
            @Parameter(description = "Page size") @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return payouts.allPayouts(QueryParameters.enumValue(Payout.Status.class, "status", status),
                Cursor.decode(cursor), limit);
    }

    @POST
    @Path("/payouts/{payoutId}/fail")
    @Operation(summary = "Mark a payout failed",
            description = "Only a pending payout; its amount returns to the available balance.")
    @APIResponse(responseCode = "200", description = "The failed payout",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PayoutView.class)))
    @APIResponse(responseCode = "404", description = "`/problems/not-found`: no such payout")
    @APIResponse(responseCode = "409",
            description = "`/problems/payout-status-conflict`: the payout's status does not allow it (retry: only a "
                    + "failed payout; fail: only a pending one)")
    public Uni<PayoutView> markFailed(@Parameter(description = PayoutResource.PAYOUT_ID) @RestPath UUID payoutId,
            @Valid @NotNull FailPayoutRequest request) {
        return payouts.markFailed(currentUser.id(), payoutId, request.reason().strip());
    }

    @POST
    @Path("/payouts/{payoutId}/retry")
    @Operation(summary = "Retry a failed payout",
            description = "It becomes pending again and goes out with the next run.")
    @APIResponse(responseCode = "200", description = "The payout, pending again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PayoutView.class)))
    @APIResponse(responseCode = "404", description = "`/problems/not-found`: no such payout")
    @APIResponse(responseCode = "409",
            description = "`/problems/payout-status-conflict`: the payout's status does not allow it (retry: only a "
                    + "failed payout; fail: only a pending one)")
    public Uni<PayoutView> retry(@Parameter(description = PayoutResource.PAYOUT_ID) @RestPath UUID payoutId) {
        return payouts.retry(currentUser.id(), payoutId);
    }

    @POST
    @Path("/payouts/process")
    @Operation(summary = "Run the payout job now",
            description = "As the schedule would; answers how many payouts got an outcome.")
    @APIResponse(responseCode = "200", description = "How many payouts got an outcome",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ProcessedPayouts.class)))
    public Uni<ProcessedPayouts> process() {
        return processor.processDue().map(ProcessedPayouts::new);
    }

    @Schema(description = "What a run of the payout job did", requiredProperties = "processed")
    public record ProcessedPayouts(@Schema(description = "How many payouts got an outcome",
            examples = "3") int processed) {
    }
}
