package com.tradesignals.affiliate.payout.paymentsapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * The payments API that {@link HttpPayoutProvider} calls (docs/affiliate-service.md, "The payments API"). The
 * URL and the API key are required with {@code affiliates.payouts.provider=http}. The fault-tolerance settings
 * reach the {@code @Timeout}, {@code @Retry} and {@code @CircuitBreaker} of {@link HttpPayoutProvider#pay}
 * through {@code quarkus.fault-tolerance."...".*} in application.properties.
 */
@ConfigMapping(prefix = "affiliates.payments-api")
public interface PaymentsApiConfig {

    /** Base URL; the provider posts to {@code <url>/v1/payouts}. */
    Optional<URI> url();

    /** Sent as {@code Authorization: Bearer <api-key>}; from a Secret ({@code AFFILIATES_PAYMENTS_API_API_KEY}). */
    Optional<String> apiKey();

    /** How long one attempt may take, connection included, in milliseconds. */
    @WithDefault("10000")
    long timeoutMillis();

    /** Attempts after the first, within one run of the payout job, when the outcome is unknown (not for pending). */
    @WithDefault("2")
    int maxRetries();

    /** Pause before a retry, in milliseconds, plus a random jitter of up to {@link #retryJitterMillis()}. */
    @WithDefault("1000")
    long retryDelayMillis();

    @WithDefault("500")
    long retryJitterMillis();

    /** The circuit breaker judges the last this many attempts... */
    @WithDefault("10")
    int circuitBreakerRequests();

    /** ...and opens when at least this share of them failed without an answer. */
    @WithDefault("0.5")
    double circuitBreakerFailureRatio();

    /** How long an open circuit breaker fails calls at once before it lets one through, in milliseconds. */
    @WithDefault("60000")
    long circuitBreakerDelayMillis();
}
