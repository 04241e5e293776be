package com.tradesignals.affiliate.administration;

import com.tradesignals.affiliate.enrollment.Affiliate;
import java.time.Instant;
import java.util.UUID;

/** Whether an affiliate is suspended, and since when and why. */
public record AffiliateStanding(UUID userId, boolean isSuspended, Instant suspendedAt, String suspensionReason) {

    static AffiliateStanding of(Affiliate affiliate) {
        return new AffiliateStanding(affiliate.userId, affiliate.isSuspended(), affiliate.suspendedAt,
                affiliate.suspensionReason);
    }
}
