package com.tradesignals.contracts.events.executions;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A partially filled order ended (FIX OrdStatus Done for day): the rest of it was cancelled ({@code reason}
 * {@code cancelled}) or its signal expired ({@code expired}). {@code cumulative_size} lots were filled and stay open as
 * a position; {@code cancelled_size} lots of the signal were never filled. Both are lots.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExecutionDone(
        UUID executionId,
        UUID signalId,
        UUID userId,
        UUID deviceId,
        String reason,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cumulativeSize,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cancelledSize,
        Instant doneAt) implements IntegrationEvent {
}
