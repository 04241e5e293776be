package com.tradesignals.affiliate.referral;

import static com.tradesignals.affiliate.ApiDescriptions.NOT_AN_AFFILIATE;

import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller's place in the referral tree: claiming their referrer, listing the users they referred. */
@Path("/api/v1/affiliates")
@RolesAllowed("user")
@Tag(name = "Affiliate programme")
@SecurityRequirement(name = "bearer-jwt", scopes = "user")
public class ReferralResource {

    private final ReferralService referrals;
    private final CurrentUser currentUser;

    ReferralResource(ReferralService referrals, CurrentUser currentUser) {
        this.referrals = referrals;
        this.currentUser = currentUser;
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
}
