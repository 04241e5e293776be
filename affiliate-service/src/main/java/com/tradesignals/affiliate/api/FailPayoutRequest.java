package com.tradesignals.affiliate.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param reason shown to the affiliate */
public record FailPayoutRequest(@NotBlank @Size(max = 500) String reason) {
}
