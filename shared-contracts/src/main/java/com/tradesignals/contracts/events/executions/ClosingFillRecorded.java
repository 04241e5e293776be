package com.tradesignals.contracts.events.executions;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.AssetClass;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Nullable;
import com.tradesignals.contracts.events.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The broker closed (part of) the position a signal opened: the closing deal {@code ticket}, {@code lots} at
 * {@code price}. {@code side} is the deal's side, the opposite of the signal's. {@code commissionable_size} (lots, at
 * most {@code lots}) is the part that may earn commission where the programme pays on both sides: what the signal
 * earned on the way in, and no more. {@code realized_pnl} = lots × contract size × (price − average entry), negated for
 * a SELL signal, in {@code quote_currency}, 8 decimals HALF_EVEN; it and the instrument fields are absent when the
 * catalogue does not know the instrument.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClosingFillRecorded(
        UUID closingFillId,
        UUID executionId,
        UUID signalId,
        String ticket,
        UUID userId,
        UUID deviceId,
        String instrument,
        @Nullable AssetClass assetClass,
        Side side,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lots,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal commissionableSize,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal contractSize,
        @Nullable String quoteCurrency,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal notional,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal realizedPnl,
        Instant closedAt) implements IntegrationEvent {

    /**
     * This deal as a fill of its lots, under its own id ({@code closing_fill_id}, ticket as trade id): what a consumer
     * that treats both sides alike (commission on both sides) accrues.
     */
    public FillRecorded asFill() {
        return new FillRecorded(closingFillId, signalId, ticket, userId, deviceId, instrument, assetClass, side, lots,
                commissionableSize, price, contractSize, quoteCurrency, notional, closedAt);
    }
}
