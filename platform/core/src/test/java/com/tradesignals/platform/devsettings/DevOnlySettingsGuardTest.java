package com.tradesignals.platform.devsettings;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.LaunchMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevOnlySettingsGuardTest {

    private static final List<String> PROBLEMS = List.of("device-auth.master-key (DEVICE_AUTH_MASTER_KEY) uses ...");

    @Test
    void productionWithADevOnlySettingRefusesNamingTheSettingAndTheOptIn() {
        assertThat(DevOnlySettingsGuard.refusal(LaunchMode.NORMAL, false, PROBLEMS)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Refusing to start in production with dev-only settings:")
                .contains("\n  - device-auth.master-key (DEVICE_AUTH_MASTER_KEY)")
                .contains("platform.dev-only-settings-allowed=true (PLATFORM_DEV_ONLY_SETTINGS_ALLOWED=true)"));
    }

    @Test
    void theExplicitOptInLetsAPackagedServiceStart() {
        assertThat(DevOnlySettingsGuard.refusal(LaunchMode.NORMAL, true, PROBLEMS)).isEmpty();
    }

    @Test
    void devModeAndTestsAreNeverRefused() {
        assertThat(DevOnlySettingsGuard.refusal(LaunchMode.DEVELOPMENT, false, PROBLEMS)).isEmpty();
        assertThat(DevOnlySettingsGuard.refusal(LaunchMode.TEST, false, PROBLEMS)).isEmpty();
    }

    @Test
    void productionWithoutDevOnlySettingsStarts() {
        assertThat(DevOnlySettingsGuard.refusal(LaunchMode.NORMAL, false, List.of())).isEmpty();
    }

    @Test
    void environmentVariablesAreNamedAsSmallRyeMapsThem() {
        assertThat(DevOnlySettingsGuard.environmentVariableOf("affiliates.payout-methods.encryption-key"))
                .isEqualTo("AFFILIATES_PAYOUT_METHODS_ENCRYPTION_KEY");
    }
}
