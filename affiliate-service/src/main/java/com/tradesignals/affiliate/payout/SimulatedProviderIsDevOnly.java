package com.tradesignals.affiliate.payout;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.platform.devsettings.DevOnlySetting;
import com.tradesignals.platform.devsettings.DevOnlySettingsGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The simulated bank shows payouts COMPLETED without moving money: in production that is a silent loss. */
@ApplicationScoped
public class SimulatedProviderIsDevOnly implements DevOnlySetting {

    static final String PROPERTY = "affiliates.payouts.provider";

    private final AffiliateConfig config;

    SimulatedProviderIsDevOnly(AffiliateConfig config) {
        this.config = config;
    }

    @Override
    public Optional<String> problem() {
        return problemWith(config.payouts().provider());
    }

    static Optional<String> problemWith(AffiliateConfig.Provider provider) {
        return provider != AffiliateConfig.Provider.SIMULATED ? Optional.empty()
                : Optional.of(PROPERTY + " (" + DevOnlySettingsGuard.environmentVariableOf(PROPERTY) + ") is "
                        + "simulated, which moves no money: set it to http and configure affiliates.payments-api");
    }
}
