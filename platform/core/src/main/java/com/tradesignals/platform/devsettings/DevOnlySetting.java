package com.tradesignals.platform.devsettings;

import java.util.Optional;

/**
 * A service's own setting that must not reach production (e.g. a simulated bank), as a bean: the startup check
 * ({@link DevOnlySettingsCheck}) asks every such bean, alongside the committed dev-only keys every service knows.
 */
public interface DevOnlySetting {

    /** What is wrong, naming the property and its environment variable, or empty when the setting is fine. */
    Optional<String> problem();
}
