package com.tradesignals.contracts.events.affiliates;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An administrator ({@code suspended_by}) suspended an affiliate ({@code user_id}): no payout until the suspension
 * is lifted; commissions keep accruing but stay held.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AffiliateSuspended(
        UUID userId,
        String reason,
        UUID suspendedBy,
        Instant suspendedAt) implements IntegrationEvent {
}
