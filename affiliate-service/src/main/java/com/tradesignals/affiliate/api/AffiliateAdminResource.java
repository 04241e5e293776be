package com.tradesignals.affiliate.api;

import com.tradesignals.affiliate.ledger.LedgerService;
import com.tradesignals.affiliate.paging.Cursor;
import com.tradesignals.affiliate.paging.Page;
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

/** Operations on the programme: payouts of every affiliate, and any affiliate's ledger. */
@Path("/api/v1/affiliates/admin")
@RolesAllowed("admin")
public class AffiliateAdminResource {

    private final PayoutService payouts;
    private final PayoutProcessor processor;
    private final LedgerService ledger;
    private final CurrentUser currentUser;

    AffiliateAdminResource(PayoutService payouts, PayoutProcessor processor, LedgerService ledger,
            CurrentUser currentUser) {
        this.payouts = payouts;
        this.processor = processor;
        this.ledger = ledger;
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

    public record ProcessedPayouts(int processed) {
    }
}
