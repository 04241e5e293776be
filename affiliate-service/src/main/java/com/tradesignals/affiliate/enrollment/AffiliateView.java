package com.tradesignals.affiliate.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An affiliate as they see themselves after registering. */
@Schema(description = "An affiliate as they see themselves", requiredProperties = { "user_id", "referral_token",
        "referral_link", "tier", "tier_name", "created_at" })
public record AffiliateView(
        @Schema(description = "The affiliate's user id") UUID userId,
        @Schema(description = "The token newcomers claim", examples = "k3J9xQ2a") String referralToken,
        @Schema(description = "The page a newcomer opens; it carries the token as `ref`",
                examples = "https://app.tradesignals.dev/join?ref=k3J9xQ2a")
        String referralLink,
        @Schema(description = "The current tier number", examples = "1") int tier,
        @Schema(description = "The current tier", examples = "Bronze") String tierName,
        @Schema(description = "When they joined") Instant createdAt) {
}
