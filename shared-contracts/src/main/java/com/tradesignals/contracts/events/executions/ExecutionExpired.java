package com.tradesignals.contracts.events.executions;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/** An execution that never filled ended when its signal expired (plus the grace period for late reports). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExecutionExpired(
        UUID executionId,
        UUID signalId,
        UUID userId,
        UUID deviceId,
        Instant expiredAt) implements IntegrationEvent {
}
