package com.tradesignals.affiliate.referral;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral as the two users involved see it. */
@Schema(description = "A referral as the two users involved see it", requiredProperties = { "referrer_id",
        "referred_user_id", "status", "claimed_at" })
public record ReferralView(
        @Schema(description = "The referring affiliate") UUID referrerId,
        @Schema(description = "The referred user") UUID referredUserId,
        @Schema(description = "PENDING until the referred user first trades, then ACTIVATED") Referral.Status status,
        @Schema(description = "When it was claimed") Instant claimedAt,
        @Schema(description = "When it activated; null while pending", nullable = true) Instant activatedAt) {

    static ReferralView of(Referral referral) {
        return new ReferralView(referral.referrerId, referral.referredUserId, referral.status, referral.createdAt,
                referral.activatedAt);
    }
}
