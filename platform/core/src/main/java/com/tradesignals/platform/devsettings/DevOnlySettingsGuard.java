package com.tradesignals.platform.devsettings;

import io.quarkus.runtime.LaunchMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whether a service may start with the dev-only settings found in its configuration. */
public final class DevOnlySettingsGuard {

    private DevOnlySettingsGuard() {
    }

    /**
     * The message a service refuses to start with, or empty. Only the production launch mode (a packaged
     * application) is guarded: dev mode and tests are dev-only by definition. The opt-in
     * {@code platform.dev-only-settings-allowed} lets a packaged service run on a laptop, in CI or in a demo.
     */
    public static Optional<String> refusal(LaunchMode mode, boolean isAllowed, List<String> problems) {
        if (mode != LaunchMode.NORMAL || isAllowed || problems.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder("Refusing to start in production with dev-only settings:");
        problems.forEach(problem -> message.append("\n  - ").append(problem));
        message.append("\nChange the settings named above. If this is not production (a laptop, CI, a demo), set "
                + "platform.dev-only-settings-allowed=true (PLATFORM_DEV_ONLY_SETTINGS_ALLOWED=true).");
        return Optional.of(message.toString());
    }

    /** The environment variable that sets a property, as an operator would write it: {@code a.b-c} is {@code A_B_C}. */
    public static String environmentVariableOf(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
