package com.tradesignals.affiliate.payout.paymentsapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.affiliate.payout.PayoutOrder;
import com.tradesignals.affiliate.payout.PayoutProvider;
import com.tradesignals.affiliate.payout.PayoutResult;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Pays through the payments API ({@code affiliates.payouts.provider=http}): {@code POST <url>/v1/payouts} with the
 * payout id as {@code Idempotency-Key}, so a payout sent again after a lost answer is never paid twice.
 *
 * <ul>
 * <li>a transfer {@code completed} (also when it is the original transfer of a reused key, 409) → completed;</li>
 * <li>a transfer {@code failed}, or 400 / 422 → failed with the API's reason: the funds return;</li>
 * <li>anything else (5xx, 401/403/404/429, {@code pending}, a timeout, no connection) → outcome unknown: a failed
 * Uni, and the payout stays processing until it is sent again.</li>
 * </ul>
 * Timeout, retries and circuit breaker: {@link PaymentsApiConfig}. Neither the API key nor the beneficiary's
 * details are ever logged.
 */
@Singleton // not a client proxy: created when chosen, at startup, so missing settings stop the service at once
@Identifier("http")
@Typed(PayoutProvider.class)
public class HttpPayoutProvider implements PayoutProvider {

    private static final Logger LOG = Logger.getLogger(HttpPayoutProvider.class);
    private static final int REFERENCE_LENGTH = 64;

    private final PaymentsApiClient client;
    private final String authorization;
    private final ObjectMapper json;

    HttpPayoutProvider(PaymentsApiConfig config, ObjectMapper json) {
        URI url = config.url().filter(HttpPayoutProvider::isHttp).orElseThrow(() -> new IllegalStateException(
                "affiliates.payments-api.url (AFFILIATES_PAYMENTS_API_URL) must be an http(s) URL with "
                        + "affiliates.payouts.provider=http"));
        String apiKey = config.apiKey().filter(key -> !key.isBlank()).orElseThrow(() -> new IllegalStateException(
                "affiliates.payments-api.api-key (AFFILIATES_PAYMENTS_API_API_KEY) is required with "
                        + "affiliates.payouts.provider=http"));
        this.authorization = "Bearer " + apiKey.strip();
        this.json = json;
        this.client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(config.timeoutMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.timeoutMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(PaymentsApiClient.class);
    }

    // Values from PaymentsApiConfig, through quarkus.fault-tolerance."...HttpPayoutProvider/pay".* (application.properties).
    @Override
    @Timeout
    @Retry(abortOn = { OutcomeUnknown.Pending.class, CircuitBreakerOpenException.class })
    @CircuitBreaker(skipOn = OutcomeUnknown.Pending.class)
    @CircuitBreakerName("payments-api")
    public Uni<PayoutResult> pay(PayoutOrder order) {
        TransferRequest transfer = new TransferRequest(order.payoutId().toString(),
                inMinorUnits(order.amount(), order.currency()), order.currency(), order.destination());
        return client.createPayout(order.payoutId().toString(), authorization, transfer)
                .map(response -> {
                    try (response) {
                        return answer(order, response.getStatus(), response.readEntity(String.class));
                    }
                });
    }

    private PayoutResult answer(PayoutOrder order, int status, String body) {
        TransferAnswer answer = parse(status, body);
        if (status >= 200 && status < 300) {
            return transfer(order, answer);
        }
        if (status == 409 && answer.transfer() != null) {
            LOG.infof("Payout %s: the payments API already had this idempotency key; its original transfer %s is %s",
                    order.payoutId(), answer.transfer().id(), answer.transfer().status());
            return transfer(order, answer.transfer());
        }
        if (status == 400 || status == 422) {
            return new PayoutResult.Failed(reason(answer, "refused by the payments API (HTTP " + status + ")"));
        }
        if (status == 401 || status == 403) {
            LOG.errorf("The payments API refused our credentials (HTTP %d): check affiliates.payments-api.api-key", status);
        }
        throw new OutcomeUnknown("the payments API answered HTTP " + status
                + (answer.error() == null ? "" : " (" + answer.error() + ")"));
    }

    private static PayoutResult transfer(PayoutOrder order, TransferAnswer transfer) {
        String status = transfer.status() == null ? "" : transfer.status();
        return switch (status) {
            case "completed" -> new PayoutResult.Completed(reference(transfer.id()));
            case "failed" -> new PayoutResult.Failed(reason(transfer, "refused by the payments API"));
            case "pending" -> throw new OutcomeUnknown.Pending(transfer.id());
            default -> throw new OutcomeUnknown("payout " + order.payoutId() + ": the payments API answered transfer "
                    + "status '" + status + "'");
        };
    }

    private TransferAnswer parse(int status, String body) {
        if (body == null || body.isBlank()) {
            return new TransferAnswer(null, null, null, null, null);
        }
        try {
            return json.readValue(body, TransferAnswer.class);
        } catch (JsonProcessingException unreadable) {
            throw new OutcomeUnknown("the payments API answered HTTP " + status + " with a body that is not the "
                    + "contract's JSON");
        }
    }

    private static String reason(TransferAnswer answer, String otherwise) {
        String reason = answer.reason() != null ? answer.reason() : answer.error();
        return reason == null || reason.isBlank() ? otherwise : reason.strip();
    }

    /** The provider's id of the transfer, cut to the column's 64 characters (the contract promises no more). */
    private static String reference(String id) {
        return id == null || id.length() <= REFERENCE_LENGTH ? id : id.substring(0, REFERENCE_LENGTH);
    }

    /** Money leaves the system rounded once, HALF_EVEN, to the currency's minor unit (payouts have 2 decimals). */
    static String inMinorUnits(BigDecimal amount, String currency) {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return amount.setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static boolean isHttp(URI url) {
        return url.isAbsolute() && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()));
    }
}
