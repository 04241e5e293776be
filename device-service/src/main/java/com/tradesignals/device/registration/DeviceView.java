package com.tradesignals.device.registration;

import com.tradesignals.device.registry.Device;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device as its owner sees it: never a secret. */
@Schema(description = "A device as its owner sees it (never a secret)", requiredProperties = { "device_id", "name",
        "is_active", "key_version", "created_at", "last_ack_sequence", "is_online" })
public record DeviceView(
        @Schema(description = "The device's id") UUID deviceId,
        @Schema(description = "The name the user gave it", examples = "MT5 office PC") String name,
        @Schema(description = "false once the device is unlinked") boolean isActive,
        @Schema(description = "The current key version", examples = "1") int keyVersion,
        @Schema(description = "When the device was registered") Instant createdAt,
        @Schema(description = "When the device last polled (to within `devices.poll.last-poll-resolution`); "
                + "null before its first poll", nullable = true) Instant lastPollAt,
        @Schema(description = "When the device last acknowledged a delivery; null before", nullable = true)
        Instant lastAckAt,
        @Schema(description = "The highest delivery sequence the device acknowledged (0 before any)",
                examples = "0") long lastAckSequence,
        @Schema(description = "When the device was unlinked; null while active", nullable = true)
        Instant revokedAt,
        @Schema(description = "true while the device polls: a poll of it started or was answered within "
                + "`devices.presence.online-window` (a parked long poll counts); always false once unlinked")
        boolean isOnline,
        @Schema(description = "When a poll of the device last started or was answered (to within "
                + "`devices.presence.write-interval`); null before its first poll", nullable = true)
        Instant lastSeenAt) {

    static DeviceView of(Device device, int keyVersion, boolean isOnline) {
        return new DeviceView(device.id, device.name, device.isActive, keyVersion, device.createdAt,
                device.lastPollAt, device.lastAckAt, device.lastAckSequence, device.revokedAt,
                device.isActive && isOnline, device.lastSeenAt);
    }
}
