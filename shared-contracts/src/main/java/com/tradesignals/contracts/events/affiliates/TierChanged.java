package com.tradesignals.contracts.events.affiliates;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An affiliate ({@code user_id}) moved to another commission tier (numbers from 0, the programme's tier table);
 * the new rates apply to fills accrued from {@code changed_at} on.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TierChanged(
        UUID userId,
        int previousTier,
        int tier,
        String tierName,
        int activatedReferrals,
        Instant changedAt) implements IntegrationEvent {
}
