package com.tradesignals.affiliate.enrollment;

import static com.tradesignals.affiliate.ApiDescriptions.NOT_AN_AFFILIATE;

import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Joining the programme and the caller's referral link. The affiliate programme as a user sees it (this and the
 * other features' resources under {@code /api/v1/affiliates}): always their own data only.
 */
@Path("/api/v1/affiliates")
@RolesAllowed("user")
@Tag(name = "Affiliate programme", description = "A user joins the programme, refers others, follows commissions "
        + "and requests payouts; always their own data only")
@SecurityRequirement(name = "bearer-jwt", scopes = "user")
public class EnrollmentResource {

    private final EnrollmentService enrollment;
    private final CurrentUser currentUser;

    EnrollmentResource(EnrollmentService enrollment, CurrentUser currentUser) {
        this.enrollment = enrollment;
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
}
