package com.tradesignals.contracts.events.devices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An active device has been silent (no poll) for longer than device-service's silence threshold while deliveries
 * wait for it: signals may be missed. Announced once per silent spell; the device polling again ends the spell.
 *
 * @param waitingDeliveries    unexpired deliveries the device has not acknowledged, when detected
 * @param oldestWaitingSince   when the oldest of them was created
 * @param silentSince          the device's last sign of life (its last poll), or its registration if it never polled
 * @param detectedAt           when device-service noticed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeviceMissedSignals(UUID deviceId, UUID userId, int waitingDeliveries, Instant oldestWaitingSince,
        Instant silentSince, Instant detectedAt) implements IntegrationEvent {
}
