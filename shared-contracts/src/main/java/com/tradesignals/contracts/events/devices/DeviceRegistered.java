package com.tradesignals.contracts.events.devices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/** A user linked a new device. Its first key version is 1. Carries no secret material. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeviceRegistered(UUID deviceId, UUID userId, int keyVersion, String name, Instant occurredAt)
        implements IntegrationEvent {
}
