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
 * A fill was accepted: applied to its execution and, if it was held for review, approved. One event per fill:
 * {@code fill_id} identifies it for every consumer.
 * <ul>
 * <li>{@code size} and {@code commissionable_size} are <b>lots</b>. {@code commissionable_size} (at most {@code size})
 * is the part that may earn commission: the lots one user's devices fill on one signal earn only up to a multiple
 * of the signal's size. Absent in events written before it existed: then all of {@code size}.</li>
 * <li>{@code asset_class}, {@code contract_size} (units per lot) and {@code quote_currency} come from the instrument
 * catalogue; {@code notional} = lots × contract size × price, in the quote currency, 8 decimals HALF_EVEN. All four
 * are absent when the catalogue does not know the instrument.</li>
 * </ul>
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FillRecorded(
        UUID fillId,
        UUID signalId,
        String tradeId,
        UUID userId,
        UUID deviceId,
        String instrument,
        @Nullable AssetClass assetClass,
        Side side,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal size,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal commissionableSize,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal contractSize,
        @Nullable String quoteCurrency,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal notional,
        Instant filledAt) implements IntegrationEvent {

    /** The lots that may earn commission; all of them in an event written before the field existed. */
    public BigDecimal lotsEarningCommission() {
        return commissionableSize != null ? commissionableSize : size;
    }
}
