package com.tradesignals.affiliate.payout.paymentsapi;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The payments API's payout endpoint (contract: docs/affiliate-service.md). Built by {@link HttpPayoutProvider}
 * with the default exception mapper off: every status is an answer to read, not an exception.
 */
@Path("/v1/payouts")
public interface PaymentsApiClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> createPayout(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, TransferRequest transfer);
}
