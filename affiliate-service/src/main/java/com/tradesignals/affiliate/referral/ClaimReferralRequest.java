package com.tradesignals.affiliate.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param token the {@code ref} of the referral link the user signed up with */
@Schema(description = "The referral the caller signed up with")
public record ClaimReferralRequest(
        @Schema(description = "The `ref` of the referral link the user signed up with", examples = "k3J9xQ2a")
        @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String token) {
}
