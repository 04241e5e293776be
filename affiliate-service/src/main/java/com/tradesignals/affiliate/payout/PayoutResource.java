package com.tradesignals.affiliate.payout;

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
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.util.UUID;
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

/** The caller's payouts: requesting one, listing and reading them. */
@Path("/api/v1/affiliates")
@RolesAllowed("user")
@Tag(name = "Affiliate programme")
@SecurityRequirement(name = "bearer-jwt", scopes = "user")
public class PayoutResource {

    static final String PAYOUT_ID = "The payout's id; text that is not a UUID answers 400 `/problems/validation`";

    private final PayoutService payouts;
    private final CurrentUser currentUser;

    PayoutResource(PayoutService payouts, CurrentUser currentUser) {
        this.payouts = payouts;
        this.currentUser = currentUser;
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
}
