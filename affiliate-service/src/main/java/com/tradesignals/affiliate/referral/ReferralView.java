package com.tradesignals.affiliate.referral;

import java.time.Instant;
import java.util.UUID;

/** A referral as the two users involved see it. */
public record ReferralView(UUID referrerId, UUID referredUserId, Referral.Status status, Instant claimedAt,
        Instant activatedAt) {

    static ReferralView of(Referral referral) {
        return new ReferralView(referral.referrerId, referral.referredUserId, referral.status, referral.createdAt,
                referral.activatedAt);
    }
}
