package com.tradesignals.affiliate.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** @param token the {@code ref} of the referral link the user signed up with */
public record ClaimReferralRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String token) {
}
