package com.tradesignals.affiliate.payout.paymentsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the HTTP provider refuses to start with, and how it writes amounts, without a running service. */
class PaymentsApiSettingsTest {

    @Test
    void withoutAnHttpUrlOrAnApiKeyTheProviderRefusesToStartNamingTheSetting() {
        assertThatThrownBy(() -> provider(null, "key")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("affiliates.payments-api.url (AFFILIATES_PAYMENTS_API_URL) must be an http(s) URL");
        assertThatThrownBy(() -> provider("ftp://payments.example", "key"))
                .hasMessageStartingWith("affiliates.payments-api.url (AFFILIATES_PAYMENTS_API_URL)");
        assertThatThrownBy(() -> provider("https://payments.example", " "))
                .hasMessageStartingWith("affiliates.payments-api.api-key (AFFILIATES_PAYMENTS_API_API_KEY) is required");
    }

    @Test
    void amountsLeaveWithTheCurrencysMinorUnitDigits() {
        assertThat(HttpPayoutProvider.inMinorUnits(new BigDecimal("60.00000000"), "USD")).isEqualTo("60.00");
        assertThat(HttpPayoutProvider.inMinorUnits(new BigDecimal("60.5"), "EUR")).isEqualTo("60.50");
        assertThat(HttpPayoutProvider.inMinorUnits(new BigDecimal("6000.00000000"), "JPY")).isEqualTo("6000");
    }

    private static HttpPayoutProvider provider(String url, String apiKey) {
        return new HttpPayoutProvider(new PaymentsApiConfig() {
            @Override
            public Optional<URI> url() {
                return Optional.ofNullable(url).map(URI::create);
            }

            @Override
            public Optional<String> apiKey() {
                return Optional.ofNullable(apiKey);
            }

            @Override
            public long timeoutMillis() {
                return 1000;
            }

            @Override
            public int maxRetries() {
                return 0;
            }

            @Override
            public long retryDelayMillis() {
                return 0;
            }

            @Override
            public long retryJitterMillis() {
                return 0;
            }

            @Override
            public int circuitBreakerRequests() {
                return 1;
            }

            @Override
            public double circuitBreakerFailureRatio() {
                return 1;
            }

            @Override
            public long circuitBreakerDelayMillis() {
                return 0;
            }
        }, new ObjectMapper());
    }
}
