package com.tradesignals.contracts.events.signals;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A signal withdrawn by the upstream Signals API on {@code signals.v1}: its pending order is to be cancelled, and a
 * terminal that has not received it yet never will.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignalCancelled(
        UUID signalId,
        UUID userId,
        Instant cancelledAt) implements IntegrationEvent {
}
