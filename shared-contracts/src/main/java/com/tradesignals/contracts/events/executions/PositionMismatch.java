package com.tradesignals.contracts.events.executions;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A terminal's position snapshot disagrees with what the platform recorded for one of its signals: the platform holds
 * {@code platform_lots} open, the terminal {@code terminal_lots} (0 when the snapshot does not have the position).
 * {@code execution_id} is absent when the platform has no execution of that signal on that device. Published once per
 * disagreement: a later snapshot that says the same is not announced again.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PositionMismatch(
        @Nullable UUID executionId,
        UUID signalId,
        UUID userId,
        UUID deviceId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal platformLots,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal terminalLots,
        Instant detectedAt) implements IntegrationEvent {
}
