package com.tradesignals.affiliate.payout;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.platform.devsettings.DevOnlySettingsGuard;
import io.quarkus.runtime.LaunchMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard's decision for the payout provider, without starting a service. */
class SimulatedProviderIsDevOnlyTest {

    @Test
    void productionRefusesTheSimulatedBankNamingTheSettingToChange() {
        List<String> problems = SimulatedProviderIsDevOnly.problemWith(AffiliateConfig.Provider.SIMULATED).stream().toList();

        assertThat(problems).singleElement().asString()
                .startsWith("affiliates.payouts.provider (AFFILIATES_PAYOUTS_PROVIDER) is simulated, which moves no money");
        assertThat(DevOnlySettingsGuard.refusal(LaunchMode.NORMAL, false, problems))
                .hasValueSatisfying(message -> assertThat(message).contains("AFFILIATES_PAYOUTS_PROVIDER"));
        assertThat(DevOnlySettingsGuard.refusal(LaunchMode.NORMAL, true, problems)).isEmpty();
        assertThat(DevOnlySettingsGuard.refusal(LaunchMode.TEST, false, problems)).isEmpty();
    }

    @Test
    void thePaymentsApiIsNoDevOnlySetting() {
        assertThat(SimulatedProviderIsDevOnly.problemWith(AffiliateConfig.Provider.HTTP)).isEmpty();
    }
}
