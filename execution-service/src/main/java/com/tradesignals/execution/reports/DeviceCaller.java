package com.tradesignals.execution.reports;

import com.tradesignals.platform.deviceauth.DeviceIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;

/** The authenticated device a report came from, and its owner. */
public record DeviceCaller(UUID deviceId, UUID userId) {

    public static DeviceCaller of(SecurityIdentity identity) {
        return new DeviceCaller(UUID.fromString(identity.getPrincipal().getName()),
                identity.getAttribute(DeviceIdentityProvider.USER_ID));
    }
}
