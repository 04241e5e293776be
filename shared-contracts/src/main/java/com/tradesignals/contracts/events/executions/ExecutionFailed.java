package com.tradesignals.contracts.events.executions;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/** A device reported that it could not execute a signal (the broker's or terminal's status code and message). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExecutionFailed(
        UUID executionId,
        UUID signalId,
        UUID userId,
        UUID deviceId,
        int statusCode,
        String message,
        Instant failedAt) implements IntegrationEvent {
}
