package com.tradesignals.affiliate.api;

import com.tradesignals.affiliate.enrollment.AffiliateView;
import com.tradesignals.affiliate.enrollment.EnrollmentService;
import com.tradesignals.affiliate.enrollment.ReferralLink;
import com.tradesignals.affiliate.ledger.Balances;
import com.tradesignals.affiliate.ledger.CsvStatement;
import com.tradesignals.affiliate.ledger.HistoryFilter;
import com.tradesignals.affiliate.ledger.LedgerService;
import com.tradesignals.affiliate.ledger.StatsView;
import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import com.tradesignals.affiliate.payout.PayoutService;
import com.tradesignals.affiliate.payout.PayoutView;
import com.tradesignals.affiliate.referral.ReferralService;
import com.tradesignals.affiliate.referral.ReferralView;
import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The affiliate programme as a user sees it: always their own data only. */
@Path("/api/v1/affiliates")
@RolesAllowed("user")
public class AffiliateResource {

    private final EnrollmentService enrollment;
    private final ReferralService referrals;
    private final LedgerService ledger;
    private final PayoutService payouts;
    private final CurrentUser currentUser;

    AffiliateResource(EnrollmentService enrollment, ReferralService referrals, LedgerService ledger,
            PayoutService payouts, CurrentUser currentUser) {
        this.enrollment = enrollment;
        this.referrals = referrals;
        this.ledger = ledger;
        this.payouts = payouts;
        this.currentUser = currentUser;
    }

    /** Joins the programme: 201 the first time, 200 with the same affiliate afterwards. */
    @POST
    @Path("/register")
    public Uni<RestResponse<AffiliateView>> register() {
        return enrollment.register(currentUser.id()).map(enrolled -> RestResponse.ResponseBuilder
                .<AffiliateView>create(enrolled.isNew() ? RestResponse.Status.CREATED : RestResponse.Status.OK)
                .entity(enrolled.affiliate())
                .build());
    }

    @GET
    @Path("/link")
    public Uni<ReferralLink> link() {
        return enrollment.link(currentUser.id());
    }

    /** The caller claims the referral they signed up with: 201, or 200 when they had claimed this one already. */
    @POST
    @Path("/referrals")
    public Uni<RestResponse<ReferralView>> claim(@Valid @NotNull ClaimReferralRequest request) {
        return referrals.claim(currentUser.id(), request.token()).map(claim -> RestResponse.ResponseBuilder
                .<ReferralView>create(claim.isNew() ? RestResponse.Status.CREATED : RestResponse.Status.OK)
                .entity(claim.referral())
                .build());
    }

    @GET
    @Path("/referrals")
    public Uni<Page<ReferralView>> directReferrals(@RestQuery String cursor,
            @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return referrals.directReferrals(currentUser.id(), Cursor.decode(cursor), limit);
    }

    @GET
    @Path("/stats")
    public Uni<StatsView> stats() {
        return ledger.stats(currentUser.id());
    }

    @GET
    @Path("/balances")
    public Uni<Balances> balances() {
        return ledger.balances(currentUser.id());
    }

    /**
     * Ledger entries, newest first. {@code Accept: text/csv} answers the whole filtered statement as CSV
     * instead of a page.
     */
    @GET
    @Path("/history")
    @Produces({ MediaType.APPLICATION_JSON, CsvStatement.MEDIA_TYPE })
    public Uni<Response> history(@RestQuery String status, @RestQuery String from, @RestQuery String to,
            @RestQuery String cursor, @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit,
            @RestHeader("Accept") String accept) {
        HistoryFilter filter = QueryParameters.historyFilter(status, from, to);
        if (accept != null && accept.contains(CsvStatement.MEDIA_TYPE)) {
            return ledger.statement(currentUser.id(), filter).map(entries -> Response
                    .ok(CsvStatement.render(entries), CsvStatement.MEDIA_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"commission-statement.csv\"")
                    .build());
        }
        return ledger.history(currentUser.id(), filter, Cursor.decode(cursor), limit)
                .map(page -> Response.ok(page, MediaType.APPLICATION_JSON).build());
    }

    /**
     * Requests a payout. An {@code Idempotency-Key} makes a retried request safe: the same key and amount
     * answer the payout the first request made (header {@code Idempotent-Replayed: true}).
     */
    @POST
    @Path("/payout")
    public Uni<RestResponse<PayoutView>> requestPayout(@Valid @NotNull PayoutRequest request,
            @RestHeader("Idempotency-Key") @Pattern(regexp = "[A-Za-z0-9_:.-]{1,64}") String idempotencyKey) {
        return payouts.request(currentUser.id(), request.amount(), idempotencyKey)
                .map(requested -> RestResponse.ResponseBuilder
                        .<PayoutView>create(RestResponse.Status.CREATED)
                        .location(URI.create("/api/v1/affiliates/payouts/" + requested.payout().payoutId()))
                        .header("Idempotent-Replayed", Boolean.toString(!requested.isNew()))
                        .entity(requested.payout())
                        .build());
    }

    @GET
    @Path("/payouts")
    public Uni<Page<PayoutView>> payouts(@RestQuery String cursor,
            @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return payouts.payoutsOf(currentUser.id(), Cursor.decode(cursor), limit);
    }

    @GET
    @Path("/payouts/{payoutId}")
    public Uni<PayoutView> payout(@RestPath UUID payoutId) {
        return payouts.payoutOf(currentUser.id(), payoutId);
    }
}
