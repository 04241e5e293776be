package com.tradesignals.contracts.events.signals;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * New stop loss and take profit for the trade a signal opened, or a new price for its pending order, published by the
 * upstream Signals API on {@code signals.v1}. Each field names the level as it now is: null or absent means the
 * signal has none (stop loss, take profit) or keeps its price (a MARKET signal has no pending price to move).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignalModified(
        UUID signalId,
        UUID userId,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal stopLoss,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal takeProfit,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
        Instant modifiedAt) implements IntegrationEvent {
}
