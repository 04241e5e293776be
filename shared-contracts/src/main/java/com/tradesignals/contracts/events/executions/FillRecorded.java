package com.tradesignals.contracts.events.executions;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A fill was accepted and applied to its execution. {@code notional} = size × price, exact.
 * One event per accepted fill: {@code fill_id} identifies it for every consumer.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FillRecorded(
        UUID fillId,
        UUID signalId,
        String tradeId,
        UUID userId,
        UUID deviceId,
        String instrument,
        Side side,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal size,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal notional,
        Instant filledAt) implements IntegrationEvent {
}
