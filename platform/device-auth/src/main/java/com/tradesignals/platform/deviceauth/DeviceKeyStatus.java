package com.tradesignals.platform.deviceauth;

import java.util.UUID;

/**
 * @param isUsable the device is active and this key version is live (current, or previous within its grace period)
 */
public record DeviceKeyStatus(UUID deviceId, UUID userId, boolean isUsable) {
}
