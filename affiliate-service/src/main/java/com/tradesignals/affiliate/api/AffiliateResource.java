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
import java.util.List;
import java.util.UUID;
import com.tradesignals.affiliate.ledger.EntryStatus;
import com.tradesignals.affiliate.ledger.HistoryEntry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The affiliate programme as a user sees it: always their own data only. */
@Path("/api/v1/affiliates")
@RolesAllowed("user")
@Tag(name = "Affiliate programme", description = "A user joins the programme, refers others, follows commissions "
        + "and requests payouts; always their own data only")
@SecurityRequirement(name = "bearer-jwt", scopes = "user")
public class AffiliateResource {

    static final String NOT_AN_AFFILIATE = "`/problems/not-an-affiliate`: the caller has not joined the programme "
            + "(`POST /api/v1/affiliates/register`)";

    static final String PAYOUT_ID = "The payout's id; text that is not a UUID answers 400 `/problems/validation`";

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

    @POST
    @Path("/register")
    @Operation(summary = "Join the programme",
            description = "Makes the caller an affiliate with a referral token and link. Idempotent.")
    @APIResponse(responseCode = "201", description = "Joined",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AffiliateView.class)))
    @APIResponse(responseCode = "200", description = "Had joined already: the same affiliate",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AffiliateView.class)))
    public Uni<RestResponse<AffiliateView>> register() {
        return enrollment.register(currentUser.id()).map(enrolled -> RestResponse.ResponseBuilder
                .<AffiliateView>create(enrolled.isNew() ? RestResponse.Status.CREATED : RestResponse.Status.OK)
                .entity(enrolled.affiliate())
                .build());
    }

    @GET
    @Path("/link")
    @Operation(summary = "Read my referral link",
            description = "The token and the page a newcomer opens (it carries the token as `ref`).")
    @APIResponse(responseCode = "200", description = "The referral link",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralLink.class)))
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    public Uni<ReferralLink> link() {
        return enrollment.link(currentUser.id());
    }

    @POST
    @Path("/referrals")
    @Operation(summary = "Claim my referrer",
            description = "The caller names the affiliate whose link they signed up with; a referral is bound for "
                    + "life and qualifies when the caller first trades. Claiming the same token again answers 200.")
    @APIResponse(responseCode = "201", description = "Claimed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "200", description = "Had claimed this referral already",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409",
            description = "`/problems/referrer-already-set`: the caller has another referrer")
    @APIResponse(responseCode = "422", description = "`/problems/unknown-referral-token`: no affiliate has the token; "
            + "`/problems/self-referral`: it is the caller's own; `/problems/referral-cycle`: it is the token of an "
            + "affiliate the caller referred, directly or further down; `/problems/already-trading`: the caller has "
            + "traded already and cannot be attributed any more")
    public Uni<RestResponse<ReferralView>> claim(@Valid @NotNull ClaimReferralRequest request) {
        return referrals.claim(currentUser.id(), request.token()).map(claim -> RestResponse.ResponseBuilder
                .<ReferralView>create(claim.isNew() ? RestResponse.Status.CREATED : RestResponse.Status.OK)
                .entity(claim.referral())
                .build());
    }

    @GET
    @Path("/referrals")
    @Operation(summary = "List my referrals", description = "The users who claimed the caller's token, newest first.")
    @APIResponse(responseCode = "200", description = "One page of referrals")
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    public Uni<Page<ReferralView>> directReferrals(
            @Parameter(description = "The `next_cursor` of the previous page") @RestQuery String cursor,
            @Parameter(description = "Page size") @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return referrals.directReferrals(currentUser.id(), Cursor.decode(cursor), limit);
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Read my dashboard",
            description = "Balances, tier progress, referrals per level and earnings per month.")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatsView.class)))
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    public Uni<StatsView> stats() {
        return ledger.stats(currentUser.id());
    }

    @GET
    @Path("/balances")
    @Operation(summary = "Read my balances",
            description = "Always `earned = held + available + reserved + paid - clawed_back`.")
    @APIResponse(responseCode = "200", description = "The balances",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Balances.class)))
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    public Uni<Balances> balances() {
        return ledger.balances(currentUser.id());
    }

    @GET
    @Path("/history")
    @Produces({ MediaType.APPLICATION_JSON, CsvStatement.MEDIA_TYPE })
    @Operation(summary = "Read my ledger history",
            description = "Ledger entries, newest first. `Accept: text/csv` answers the whole filtered statement as "
                    + "CSV (`Content-Disposition: attachment`) instead of a page.")
    @APIResponse(responseCode = "200", description = "One page of entries, or the CSV statement", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryPage.class)),
            @Content(mediaType = CsvStatement.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "`/problems/validation`: a parameter is invalid (`to` must be "
            + "after `from`); `/problems/statement-too-large`: a CSV statement over `affiliates.statement-max-rows` "
            + "entries: choose a shorter period")
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    public Uni<Response> history(
            @Parameter(description = "Only entries of this status (any case)",
                    schema = @Schema(implementation = EntryStatus.class))
            @RestQuery String status,
            @Parameter(description = "Only entries accrued at or after this instant (ISO-8601)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @RestQuery String from,
            @Parameter(description = "Only entries accrued before this instant (ISO-8601), after `from`",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @RestQuery String to,
            @Parameter(description = "The `next_cursor` of the previous page")
            @RestQuery String cursor,
            @Parameter(description = "Page size") @RestQuery @DefaultValue("50") @Min(1) @Max(200) int limit,
            @Parameter(hidden = true) @RestHeader("Accept") String accept) {
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

    @POST
    @Path("/payout")
    @Operation(summary = "Request a payout",
            description = "Pays `amount` of the available balance to the caller's payout method. An "
                    + "`Idempotency-Key` makes a retried request safe: the same key and amount answer the payout the "
                            + "first request made (header `Idempotent-Replayed: true`).")
    @APIResponse(responseCode = "201", description = "Requested (or replayed); `Location` is the payout",
            headers = { @Header(name = "Location", description = "The payout's URL",
                            schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
                    @Header(name = "Idempotent-Replayed",
                            description = "true when this answers an earlier request with the same key",
                                    schema = @Schema(type = SchemaType.STRING, enumeration = { "true", "false" }))
                    },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PayoutView.class)))
    @APIResponse(responseCode = "409",
            description = "`/problems/idempotency-key-reused`: the key was sent before with a different amount")
    @APIResponse(responseCode = "422", description = "`/problems/affiliate-suspended`: an administrator suspended the "
            + "affiliate; `/problems/no-payout-method`: no payout method is set; `/problems/payout-below-minimum`: "
            + "below `affiliates.minimum-payout`; `/problems/insufficient-available-balance`: above the available "
            + "balance (held and reserved funds do not count)")
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    public Uni<RestResponse<PayoutView>> requestPayout(@Valid @NotNull PayoutRequest request,
            @Parameter(description = "Makes a retry safe: 1 to 64 of `A-Z a-z 0-9 _ : . -`",
                    example = "payout-2026-11-30")
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
    @Operation(summary = "List my payouts", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "One page of payouts")
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    public Uni<Page<PayoutView>> payouts(
            @Parameter(description = "The `next_cursor` of the previous page") @RestQuery String cursor,
            @Parameter(description = "Page size") @RestQuery @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return payouts.payoutsOf(currentUser.id(), Cursor.decode(cursor), limit);
    }

    @GET
    @Path("/payouts/{payoutId}")
    @Operation(summary = "Read one of my payouts")
    @APIResponse(responseCode = "200", description = "The payout",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PayoutView.class)))
    @APIResponse(responseCode = "404", description = "`/problems/not-found`: no such payout of the caller; "
            + "`/problems/not-an-affiliate`: the caller has not joined the programme")
    public Uni<PayoutView> payout(@Parameter(description = PAYOUT_ID) @RestPath UUID payoutId) {
        return payouts.payoutOf(currentUser.id(), payoutId);
    }

    /** The JSON answer of {@code history} (a {@link Page} of entries), for the document only: it answers a Response. */
    @Schema(description = "One page of ledger entries, newest first", requiredProperties = "items")
    record HistoryPage(@Schema(description = "This page's entries") List<HistoryEntry> items,
            @Schema(description = "Pass as `cursor` to fetch the following page; null on the last page",
                    nullable = true) String nextCursor) {
    }
}
