package com.tradesignals.affiliate.enrollment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param link the page a newcomer opens; it carries the token as {@code ref} */
@Schema(description = "The caller's referral link", requiredProperties = { "token", "link" })
public record ReferralLink(
        @Schema(description = "The referral token", examples = "k3J9xQ2a") String token,
        @Schema(description = "The page a newcomer opens; it carries the token as `ref`",
                examples = "https://app.tradesignals.dev/join?ref=k3J9xQ2a")
        String link) {
}
