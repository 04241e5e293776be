package com.tradesignals.affiliate.payout;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param reason shown to the affiliate */
@Schema(description = "Why a payout failed")
public record FailPayoutRequest(
        @Schema(description = "Shown to the affiliate", examples = "the bank returned the transfer")
        @NotBlank @Size(max = 500) String reason) {
}
