package com.tradesignals.affiliate.payoutmethod;

import static com.tradesignals.affiliate.ApiDescriptions.NOT_AN_AFFILIATE;

import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Where the caller's payouts go: one payout method per affiliate, answered masked. A payout keeps the method it
 * was requested with, so a change applies to later payout requests only.
 */
@Path("/api/v1/affiliates/payout-method")
@RolesAllowed("user")
@Tag(name = "Affiliate programme")
@SecurityRequirement(name = "bearer-jwt", scopes = "user")
public class PayoutMethodResource {

    private final PayoutMethodService methods;
    private final CurrentUser currentUser;

    PayoutMethodResource(PayoutMethodService methods, CurrentUser currentUser) {
        this.methods = methods;
        this.currentUser = currentUser;
    }

    @PUT
    @Operation(summary = "Set my payout method",
            description = "A bank transfer, PayPal or a crypto address, discriminated by `type`; answered masked. A "
                    + "payout keeps the method it was requested with, so a change applies to later payout requests "
                            + "only.")
    @APIResponse(responseCode = "201", description = "Set for the first time",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PayoutMethodView.class)))
    @APIResponse(responseCode = "200", description = "Replaced the earlier one",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PayoutMethodView.class)))
    @APIResponse(responseCode = "404", description = NOT_AN_AFFILIATE)
    public Uni<RestResponse<PayoutMethodView>> set(@Valid @NotNull PayoutMethodDetails method) {
        return methods.set(currentUser.id(), method).map(saved -> RestResponse.ResponseBuilder
                .<PayoutMethodView>create(saved.isNew() ? RestResponse.Status.CREATED : RestResponse.Status.OK)
                .entity(saved.method())
                .build());
    }

    @GET
    @Operation(summary = "Read my payout method", description = "Answered masked.")
    @APIResponse(responseCode = "200", description = "The payout method",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PayoutMethodView.class)))
    @APIResponse(responseCode = "404", description = "`/problems/not-found`: no payout method is set; "
            + "`/problems/not-an-affiliate`: the caller has not joined the programme")
    public Uni<PayoutMethodView> get() {
        return methods.get(currentUser.id());
    }
}
