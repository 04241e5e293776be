package com.tradesignals.contracts.events.signals;

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
 * A trade signal for one user, published by the upstream Signals API on {@code signals.v1}.
 * Prices and sizes are decimals written as JSON strings (exact, up to 8 places); {@code size} is lots. {@code price} is
 * the reference price that slippage and the plausibility of fills are measured against; a MARKET signal may have none
 * (its fills are then held for review before they earn commission). Stop loss and take profit may be absent.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignalIssued(
        UUID signalId,
        UUID userId,
        String instrument,
        Side side,
        OrderType orderType,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal size,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal stopLoss,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal takeProfit,
        Instant issuedAt,
        Instant expiresAt) implements IntegrationEvent {
}
