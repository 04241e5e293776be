package com.tradesignals.contracts.events.executions;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/** A device placed a signal's pending (LIMIT or STOP) order with its broker: {@code broker_order_id} is its ticket. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExecutionPlaced(
        UUID executionId,
        UUID signalId,
        UUID userId,
        UUID deviceId,
        String brokerOrderId,
        Instant placedAt) implements IntegrationEvent {
}
