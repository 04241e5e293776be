package com.tradesignals.contracts.events.devices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/** A user unlinked a device: every key version of it is revoked at once. Carries no secret material. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeviceRevoked(UUID deviceId, UUID userId, int keyVersion, Instant occurredAt)
        implements IntegrationEvent {
}
