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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Operations on the programme: payouts of every affiliate, any affiliate's ledger, suspensions and adjustments, and
 * the fills the fee schedule could not price.
 */
@Path("/api/v1/affiliates/admin")
@RolesAllowed("admin")
public class AffiliateAdminResource {

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
    public Uni<Page<PayoutView>> payouts(@RestQuery String status, @RestQuery String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return payouts.allPayouts(QueryParameters.payoutStatus(status), Cursor.decode(cursor), limit);
    }

    @POST
    @Path("/payouts/{payoutId}/fail")
    public Uni<PayoutView> markFailed(@RestPath UUID payoutId, @Valid @NotNull FailPayoutRequest request) {
        return payouts.markFailed(currentUser.id(), payoutId, request.reason().strip());
    }

    @POST
    @Path("/payouts/{payoutId}/retry")
    public Uni<PayoutView> retry(@RestPath UUID payoutId) {
        return payouts.retry(currentUser.id(), payoutId);
    }

    /** Runs the payout job now, as the schedule would; answers how many payouts got an outcome. */
    @POST
    @Path("/payouts/process")
    public Uni<ProcessedPayouts> process() {
        return processor.processDue().map(ProcessedPayouts::new);
    }

    @GET
    @Path("/affiliates/{userId}/ledger")
    public Uni<LedgerService.LedgerView> ledger(@RestPath UUID userId, @RestQuery String status,
            @RestQuery String from, @RestQuery String to, @RestQuery String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return ledger.ledgerOf(userId, QueryParameters.historyFilter(status, from, to), Cursor.decode(cursor), limit);
    }

    /** Suspends the affiliate: no payouts, accruals held, until {@code unsuspend}. */
    @POST
    @Path("/affiliates/{userId}/suspend")
    public Uni<AffiliateStanding> suspend(@RestPath UUID userId, @Valid @NotNull SuspendRequest request) {
        return suspensions.suspend(currentUser.id(), userId, request.reason().strip());
    }

    @POST
    @Path("/affiliates/{userId}/unsuspend")
    public Uni<AffiliateStanding> unsuspend(@RestPath UUID userId) {
        return suspensions.unsuspend(currentUser.id(), userId);
    }

    /** A manual ledger entry, signed; answers it as the affiliate's history shows it. */
    @POST
    @Path("/affiliates/{userId}/adjustments")
    public Uni<RestResponse<HistoryEntry>> adjust(@RestPath UUID userId, @Valid @NotNull AdjustmentRequest request) {
        return adjustments.adjust(currentUser.id(), userId, request.amount(), request.reason().strip())
                .map(entry -> RestResponse.status(RestResponse.Status.CREATED, entry));
    }

    /** Fills of referred users that earned nothing because the fee schedule could not price them, newest first. */
    @GET
    @Path("/unpriced-fills")
    public Uni<Page<UnpricedFillView>> unpricedFills(@RestQuery String reason, @RestQuery String cursor,
            @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return unpricedFills.page(QueryParameters.unpricedReason(reason), Cursor.decode(cursor), limit);
    }

    public record ProcessedPayouts(int processed) {
    }
}
