package com.tradesignals.contracts.events.affiliates;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A user ({@code referred_user_id}) claimed the referral link of an affiliate ({@code user_id}, the referrer): they
 * are bound for life, pending until their referral is activated ({@code affiliate.referral-activated.v1}).
 * Keyed by the referrer, like every event of the referrer's tree, so a referral's events stay in order.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReferralClaimed(
        UUID userId,
        UUID referredUserId,
        Instant claimedAt) implements IntegrationEvent {
}
