package com.tradesignals.device.registration;

import com.tradesignals.device.registry.Device;
import java.time.Instant;
import java.util.UUID;

/**
 * A device as its owner sees it: never a secret.
 *
 * @param keyVersion      the current key version
 * @param lastPollAt      when the device last polled (kept to within {@code devices.poll.last-poll-resolution})
 * @param lastAckAt       when the device last acknowledged a delivery
 * @param lastAckSequence the highest delivery sequence the device acknowledged
 */
public record DeviceView(UUID deviceId, String name, boolean isActive, int keyVersion, Instant createdAt,
        Instant lastPollAt, Instant lastAckAt, long lastAckSequence, Instant revokedAt) {

    static DeviceView of(Device device, int keyVersion) {
        return new DeviceView(device.id, device.name, device.isActive, keyVersion, device.createdAt,
                device.lastPollAt, device.lastAckAt, device.lastAckSequence, device.revokedAt);
    }
}
