package com.tradesignals.contracts.events.executions;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An administrator decided on a fill that was flagged, quarantined or held for review ({@code previous_status}).
 * {@code decision} {@code APPROVED}: the fill counts, and its one FillRecorded follows; {@code REJECTED}: it never
 * counts. {@code user_id} is the trader whose device reported the fill.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FillReviewed(
        UUID fillId,
        UUID signalId,
        String tradeId,
        UUID userId,
        UUID deviceId,
        String previousStatus,
        String decision,
        String reason,
        UUID reviewedBy,
        Instant reviewedAt) implements IntegrationEvent {
}
