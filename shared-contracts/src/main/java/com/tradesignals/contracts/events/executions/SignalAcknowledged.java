package com.tradesignals.contracts.events.executions;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/** A device confirmed it received a signal and is acting on it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignalAcknowledged(UUID executionId, UUID signalId, UUID userId, UUID deviceId, Instant acknowledgedAt)
        implements IntegrationEvent {
}
