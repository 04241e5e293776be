package com.tradesignals.affiliate.api;

import com.tradesignals.affiliate.administration.AdjustmentService;
import com.tradesignals.affiliate.administration.AffiliateStanding;
import com.tradesignals.affiliate.administration.SuspensionService;
import com.tradesignals.affiliate.commission.UnpricedFillService;
import com.tradesignals.affiliate.commission.UnpricedFillView;
import com.tradesignals.affiliate.ledger.HistoryEntry;
import com.tradesignals.affiliate.ledger.LedgerService;
import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import com.tradesignals.affiliate.payout.PayoutProcessor;
import com.tradesignals.affiliate.payout.PayoutService;
import com.tradesignals.affiliate.payout.PayoutView;
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
import com.tradesignals.affiliate.ledger.EntryStatus;
import com.tradesignals.affiliate.payout.Payout;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Operations on the programme: payouts of every affiliate, any affiliate's ledger, suspensions and adjustments, and
 * the fills the fee schedule could not price.
 */
@Path("/api/v1/affiliates/admin")
@RolesAllowed("admin")
@Tag(name = "Affiliate administration", description = "Administrators operate the programme: payouts, ledgers, "
        + "suspensions, adjustments and unpriced fills")
@SecurityRequirement(name = "bearer-jwt", scopes = "admin")
public class AffiliateAdminResource {

    private static final String USER_ID = "The affiliate's user id; text that is not a UUID answers 400 "
            + "`/problems/validation`";

    private static final String SUSPENSION_CONFLICT = "`/problems/suspension-status-conflict`: the affiliate is "
            + "suspended already, or not suspended";

    private final PayoutService payouts;
    private final PayoutProcessor processor;
    private final LedgerService ledger;
    private final SuspensionService suspensions;
    private final AdjustmentService adjustments;
    private final UnpricedFillService unpricedFills;
    private final CurrentUser currentUser;

    AffiliateAdminResource(PayoutService payouts, PayoutProcessor processor, LedgerService ledger,
            SuspensionService suspensions, AdjustmentService adjustments, UnpricedFillService unpricedFills,
            CurrentUser currentUser) {
        this.payouts = payouts;
        this.processor = processor;
        this.ledger = ledger;
        this.suspensions = suspensions;
        this.adjustments = adjustments;
        this.unpricedFills = unpricedFills;
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
        return payouts.allPayouts(QueryParameters.payoutStatus(status), Cursor.decode(cursor), limit);
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
    public Uni<PayoutView> markFailed(@Parameter(description = AffiliateResource.PAYOUT_ID) @RestPath UUID payoutId,
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
    public Uni<PayoutView> retry(@Parameter(description = AffiliateResource.PAYOUT_ID) @RestPath UUID payoutId) {
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

    @GET
    @Path("/affiliates/{userId}/ledger")
    @Operation(summary = "Read an affiliate's ledger",
            description = "Standing, balances and one page of ledger entries, newest first.")
    @APIResponse(responseCode = "200", description = "The ledger",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LedgerService.LedgerView.class)))
    @APIResponse(responseCode = "404", description = AffiliateResource.NOT_AN_AFFILIATE)
    public Uni<LedgerService.LedgerView> ledger(@Parameter(description = USER_ID) @RestPath UUID userId,
            @Parameter(description = "Only entries of this status (any case)",
                    schema = @Schema(implementation = EntryStatus.class))
            @RestQuery String status,
            @Parameter(description = "Only entries accrued at or after this instant (ISO-8601)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @RestQuery String from,
            @Parameter(description = "Only entries accrued before this instant (ISO-8601), after `from`",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @RestQuery String to,
            @Parameter(description = "The `next_cursor` of the previous page") @RestQuery String cursor,
            @Parameter(description = "Page size") @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return ledger.ledgerOf(userId, QueryParameters.historyFilter(status, from, to), Cursor.decode(cursor), limit);
    }

    @POST
    @Path("/affiliates/{userId}/suspend")
    @Operation(summary = "Suspend an affiliate", description = "No payouts and accruals held until `unsuspend`.")
    @APIResponse(responseCode = "200", description = "The affiliate's standing",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AffiliateStanding.class)))
    @APIResponse(responseCode = "404", description = AffiliateResource.NOT_AN_AFFILIATE)
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
    @APIResponse(responseCode = "404", description = AffiliateResource.NOT_AN_AFFILIATE)
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
    @APIResponse(responseCode = "404", description = AffiliateResource.NOT_AN_AFFILIATE)
    public Uni<RestResponse<HistoryEntry>> adjust(@Parameter(description = USER_ID) @RestPath UUID userId,
            @Valid @NotNull AdjustmentRequest request) {
        return adjustments.adjust(currentUser.id(), userId, request.amount(), request.reason().strip())
                .map(entry -> RestResponse.status(RestResponse.Status.CREATED, entry));
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
        return unpricedFills.page(QueryParameters.unpricedReason(reason), Cursor.decode(cursor), limit);
    }

    @Schema(description = "What a run of the payout job did", requiredProperties = "processed")
    public record ProcessedPayouts(@Schema(description = "How many payouts got an outcome",
            examples = "3") int processed) {
    }
}
