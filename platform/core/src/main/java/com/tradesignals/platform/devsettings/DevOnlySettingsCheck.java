package com.tradesignals.platform.devsettings;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Stops a production start with dev-only settings before the service consumes, schedules or serves anything:
 * the committed dev keys (every service) and the services' own {@link DevOnlySetting}s. Costs a few config
 * lookups and reading one small key file, once, and only in the production launch mode.
 */
@ApplicationScoped
public class DevOnlySettingsCheck {

    /**
     * {@code PLATFORM_DEV_ONLY_SETTINGS_ALLOWED=true}: set by dev/up, docker-compose.yml and the test launcher,
     * never in a production deployment (default false: microprofile-config.properties). A plain property, not a
     * mapping: a mapping's root would be all of {@code platform.*}.
     */
    static final String ALLOWED = "platform.dev-only-settings-allowed";

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, Config config,
            Instance<DevOnlySetting> serviceSettings) {
        LaunchMode mode = LaunchMode.current();
        boolean isAllowed = config.getOptionalValue(ALLOWED, Boolean.class).orElse(false);
        if (mode != LaunchMode.NORMAL || isAllowed) {
            return;
        }
        List<String> problems = new ArrayList<>(CommittedDevKeys.foundIn(
                property -> config.getOptionalValue(property, String.class)));
        for (DevOnlySetting setting : serviceSettings) {
            setting.problem().ifPresent(problems::add);
        }
        DevOnlySettingsGuard.refusal(mode, false, problems).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
    }
}
