package com.tradesignals.affiliate.ledger;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An affiliate's balances. Always {@code earned = held + available + reserved + paid - clawed_back}, where
 * {@code clawed_back} is the sum of the negative clawback entries (0 or less). {@code available} is negative
 * while clawbacks exceed what is owed: future commissions pay that back before anything can be paid out.
 */
@Schema(description = "An affiliate's balances: always `earned = held + available + reserved + paid - clawed_back`",
        requiredProperties = { "earned", "held", "available", "reserved", "paid", "clawed_back", "currency" })
public record Balances(
        @Schema(description = "Commissions accrued and not refunded, net of adjustments") BigDecimal earned,
        @Schema(description = "Accrued but not yet available (holding period)") BigDecimal held,
        @Schema(description = "Can be paid out; negative while clawbacks exceed what is owed") BigDecimal available,
        @Schema(description = "Requested in payouts not yet completed") BigDecimal reserved,
        @Schema(description = "Paid out") BigDecimal paid,
        @Schema(description = "The sum of the clawback entries (0 or less)") BigDecimal clawedBack,
        @Schema(description = "The programme's currency", examples = "USD") String currency) {
}
