package com.tradesignals.device.registration;

import com.tradesignals.device.registry.Device;
import java.time.Instant;
import java.util.UUID;

/** A device as its owner sees it in a list: never a secret. */
public record DeviceView(UUID deviceId, String name, boolean isActive, int keyVersion, Instant createdAt,
        Instant lastPollAt, Instant lastAckAt, Instant revokedAt) {

    static DeviceView of(Device device, int keyVersion) {
        return new DeviceView(device.id, device.name, device.isActive, keyVersion, device.createdAt,
                device.lastPollAt, device.lastAckAt, device.revokedAt);
    }
}
