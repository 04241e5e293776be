package com.tradesignals.affiliate.api;

import com.tradesignals.affiliate.payoutmethod.PayoutMethodDetails;
import com.tradesignals.affiliate.payoutmethod.PayoutMethodService;
import com.tradesignals.affiliate.payoutmethod.PayoutMethodView;
import com.tradesignals.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Where the caller's payouts go: one payout method per affiliate, answered masked. A payout keeps the method it
 * was requested with, so a change applies to later payout requests only.
 */
@Path("/api/v1/affiliates/payout-method")
@RolesAllowed("user")
public class PayoutMethodResource {

    private final PayoutMethodService methods;
    private final CurrentUser currentUser;

    PayoutMethodResource(PayoutMethodService methods, CurrentUser currentUser) {
        this.methods = methods;
        this.currentUser = currentUser;
    }

    /**
     * Sets the payout method: {@code {"type":"BANK_TRANSFER","iban","bic","holder_name"}},
     * {@code {"type":"PAYPAL","email"}} or {@code {"type":"CRYPTO","network","address"}}. 201 the first time,
     * 200 when it replaces the earlier one.
     */
    @PUT
    public Uni<RestResponse<PayoutMethodView>> set(@Valid @NotNull PayoutMethodDetails method) {
        return methods.set(currentUser.id(), method).map(saved -> RestResponse.ResponseBuilder
                .<PayoutMethodView>create(saved.isNew() ? RestResponse.Status.CREATED : RestResponse.Status.OK)
                .entity(saved.method())
                .build());
    }

    @GET
    public Uni<PayoutMethodView> get() {
        return methods.get(currentUser.id());
    }
}
