package com.tradesignals.platform.deviceauth;

import java.time.Instant;
import java.util.UUID;

/**
 * @param isUsable    the device is active and this key version is live (current, or previous within its grace period)
 * @param usableUntil when this key version stops working by itself (the end of a rotation's grace period); {@code null}
 *                    when only a later revocation or rotation can end it
 */
public record DeviceKeyStatus(UUID deviceId, UUID userId, boolean isUsable, Instant usableUntil) {

    public DeviceKeyStatus(UUID deviceId, UUID userId, boolean isUsable) {
        this(deviceId, userId, isUsable, null);
    }

    boolean isUsableAt(Instant now) {
        return isUsable && (usableUntil == null || now.isBefore(usableUntil));
    }
}
