package com.tradesignals.contracts.events.executions;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's devices no longer trade alike: on this signal {@code filled_device_ids} filled while
 * {@code rejected_device_ids} rejected it or {@code silent_device_ids} did not acknowledge it within the configured
 * time. Published once per signal.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DevicesDiverged(
        UUID signalId,
        UUID userId,
        List<UUID> filledDeviceIds,
        List<UUID> rejectedDeviceIds,
        List<UUID> silentDeviceIds,
        Instant detectedAt) implements IntegrationEvent {
}
