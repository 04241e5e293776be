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
 * An administrator reversed a previously recorded fill; whatever was derived from it must be undone. {@code size} is
 * lots; {@code notional} = lots × contract size × price in the instrument's quote currency, absent when the
 * instrument catalogue does not know the instrument.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FillBusted(
        UUID fillId,
        UUID signalId,
        String tradeId,
        UUID userId,
        UUID deviceId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal size,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal notional,
        String reason,
        Instant bustedAt) implements IntegrationEvent {
}
