package com.tradesignals.affiliate.payout;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param amount in the programme's currency, at most 2 decimals (a JSON string or number) */
@Schema(description = "A payout request")
public record PayoutRequest(
        @Schema(description = "In the programme's currency, at least 0.01 and at most 2 decimals")
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount) {
}
