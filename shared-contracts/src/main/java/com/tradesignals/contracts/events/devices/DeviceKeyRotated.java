package com.tradesignals.contracts.events.devices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/** A device got a new key version; the previous one stays valid until {@code previousKeyValidUntil}. Carries no secret material. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeviceKeyRotated(UUID deviceId, UUID userId, int keyVersion, Instant previousKeyValidUntil, Instant occurredAt)
        implements IntegrationEvent {
}
