package com.tradesignals.contracts.events.devices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/** A user gave a device a new name. Carries no secret material. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeviceRenamed(UUID deviceId, UUID userId, int keyVersion, String name, Instant occurredAt)
        implements IntegrationEvent {
}
