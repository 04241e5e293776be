package com.tradesignals.contracts.events.executions;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Nullable;
import com.tradesignals.contracts.events.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The position a device opened from a signal is flat: {@code lots} were opened at {@code average_entry_price} and
 * closed at {@code average_exit_price}. {@code realized_pnl} is the platform's figure in {@code quote_currency} (absent
 * when the catalogue does not know the instrument); {@code reported_profit} the sum the terminal reported in the
 * account currency (absent when it sent none). Both are 8-decimal strings.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PositionClosed(
        UUID executionId,
        UUID signalId,
        UUID userId,
        UUID deviceId,
        String instrument,
        Side side,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lots,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal averageEntryPrice,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal averageExitPrice,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal realizedPnl,
        @Nullable String quoteCurrency,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal reportedProfit,
        Instant closedAt) implements IntegrationEvent {
}
