package com.tradesignals.affiliate.payout;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.affiliate.payout.paymentsapi.HttpPayoutProvider;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The {@link PayoutProvider} is chosen by {@code affiliates.payouts.provider} when the service starts, not when
 * it is built: one packaged jar runs as production (the payments API) and on a laptop or in the end-to-end tests
 * (the simulated bank). Build-time selection ({@code @IfBuildProperty}, build profiles) would fix the choice in
 * the jar; {@code @LookupIfProperty} only filters programmatic lookups. A producer reading the runtime
 * configuration does neither, and only the chosen provider is ever created (nothing else reaches the payments
 * API's settings). Created at startup, so a provider that cannot work stops the service at once.
 */
@ApplicationScoped
public class PayoutProviders {

    @Produces
    @Singleton
    @Startup
    PayoutProvider selected(AffiliateConfig config, Instance<HttpPayoutProvider> http,
            Instance<SimulatedBankPayoutProvider> simulated) {
        return switch (config.payouts().provider()) {
            case HTTP -> http.get();
            case SIMULATED -> simulated.get();
        };
    }
}
