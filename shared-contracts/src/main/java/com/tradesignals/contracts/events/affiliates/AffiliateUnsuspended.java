package com.tradesignals.contracts.events.affiliates;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An administrator ({@code unsuspended_by}) lifted the suspension of an affiliate ({@code user_id}) that began at
 * {@code suspended_at}: held commissions become available at their own {@code available_at} again, payouts resume.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AffiliateUnsuspended(
        UUID userId,
        Instant suspendedAt,
        UUID unsuspendedBy,
        Instant unsuspendedAt) implements IntegrationEvent {
}
