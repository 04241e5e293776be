package com.tradesignals.affiliate.administration;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param amount signed, not zero, at most 8 decimals (the ledger's scale), in the programme currency: positive
 *               credits the affiliate, negative debits them
 * @param reason shown in the affiliate's history and statement
 */
@Schema(description = "A manual ledger entry")
public record AdjustmentRequest(
        @Schema(description = "Signed, not zero, at most 8 decimals, in the programme's currency: positive credits "
                + "the affiliate, negative debits them")
        @NotNull @NonZero @Digits(integer = 12, fraction = 8) BigDecimal amount,
        @Schema(description = "Shown in the affiliate's history and statement", examples = "goodwill credit")
        @NotBlank @Size(max = 500) String reason) {
}
