package com.tradesignals.affiliate.administration;

import com.tradesignals.affiliate.enrollment.Affiliate;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether an affiliate is suspended, and since when and why. */
@Schema(description = "Whether an affiliate is suspended, since when and why", requiredProperties = { "user_id",
        "is_suspended" })
public record AffiliateStanding(
        @Schema(description = "The affiliate") UUID userId,
        @Schema(description = "Whether payouts are stopped and accruals held") boolean isSuspended,
        @Schema(description = "Since when", nullable = true) Instant suspendedAt,
        @Schema(description = "Why (not shown to the affiliate)", nullable = true) String suspensionReason) {

    static AffiliateStanding of(Affiliate affiliate) {
        return new AffiliateStanding(affiliate.userId, affiliate.isSuspended(), affiliate.suspendedAt,
                affiliate.suspensionReason);
    }
}
