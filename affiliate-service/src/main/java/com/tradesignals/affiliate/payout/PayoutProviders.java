package com.tradesignals.affiliate.payout;

import com.tradesignals.affiliate.AffiliateConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * The {@link PayoutProvider} is chosen by {@code affiliates.payouts.provider} when the service starts, not when
 * it is built: one packaged jar runs as production (the payments API) and on a laptop or in the end-to-end tests
 * (the simulated bank). Build-time selection ({@code @IfBuildProperty}, build profiles) would fix the choice in
 * the jar; {@code @LookupIfProperty} only filters programmatic lookups. A producer reading the runtime
 * configuration does neither, and only the chosen provider is ever created (nothing else reaches the payments
 * API's settings). Created at startup, so a provider that cannot work stops the service at once. Each provider is a
 * bean of type {@link PayoutProvider} only, named by {@code @Identifier} after its configuration value, so this
 * package does not depend on the adapters (such as {@code paymentsapi}) that depend on it.
 */
@ApplicationScoped
public class PayoutProviders {

    @Produces
    @Singleton
    @Startup
    PayoutProvider selected(AffiliateConfig config, @Any Instance<PayoutProvider> providers) {
        String name = config.payouts().provider().name().toLowerCase(Locale.ROOT);
        return providers.select(Identifier.Literal.of(name)).get();
    }
}
