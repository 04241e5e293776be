package com.tradesignals.contracts.events.executions;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * An execution that never filled ended cancelled: the device cancelled its order ({@code reason} as the terminal gave
 * it), or the signal was withdrawn before the device acted on it ({@code reason} {@code signal-cancelled}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExecutionCancelled(
        UUID executionId,
        UUID signalId,
        UUID userId,
        UUID deviceId,
        @Nullable String reason,
        Instant cancelledAt) implements IntegrationEvent {
}
