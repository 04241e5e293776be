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
 * A request to close the position a signal opened, published by the upstream Signals API on {@code signals.v1}:
 * {@code lots} of it (a decimal as a JSON string), or all of it when {@code lots} is null or absent.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignalCloseRequested(
        UUID signalId,
        UUID userId,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lots,
        Instant requestedAt) implements IntegrationEvent {
}
