package com.tradesignals.contracts.events.affiliates;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A referral qualified: it now counts for the referrer's ({@code user_id}) tier. {@code activated_by} is
 * {@code FIRST_FILL} (the referred user's first commissionable fill, {@code fill_id}) or {@code FIRST_DEVICE} (a
 * linked device, under {@code affiliates.activation=first-device}; {@code fill_id} is then null).
 * {@code activated_referrals} is the referrer's count including this one.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReferralActivated(
        UUID userId,
        UUID referredUserId,
        String activatedBy,
        @Nullable UUID fillId,
        int activatedReferrals,
        Instant activatedAt) implements IntegrationEvent {
}
