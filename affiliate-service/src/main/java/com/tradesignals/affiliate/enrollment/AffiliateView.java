package com.tradesignals.affiliate.enrollment;

import java.time.Instant;
import java.util.UUID;

/** An affiliate as they see themselves after registering. */
public record AffiliateView(UUID userId, String referralToken, String referralLink, int tier, String tierName,
        Instant createdAt) {
}
