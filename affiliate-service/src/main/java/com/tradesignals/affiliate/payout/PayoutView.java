package com.tradesignals.affiliate.payout;

import com.tradesignals.affiliate.payoutmethod.PayoutMethodKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A payout as its affiliate (and an administrator) sees it, with the payout method it goes to, masked.
 *
 * @param payoutMethod null only for payouts requested before payout methods existed
 */
@Schema(description = "A payout, with the payout method it goes to, masked", requiredProperties = { "payout_id",
        "user_id", "amount", "currency", "status", "requested_at", "updated_at" })
public record PayoutView(
        @Schema(description = "The payout") UUID payoutId,
        @Schema(description = "The affiliate") UUID userId,
        @Schema(description = "The amount") BigDecimal amount,
        @Schema(description = "The programme's currency", examples = "USD") String currency,
        @Schema(description = "PENDING, PROCESSING, COMPLETED or FAILED") Payout.Status status,
        @Schema(description = "Why it failed", nullable = true) String failureReason,
        @Schema(description = "The payments provider's reference", nullable = true) String reference,
        @Schema(description = "Where it goes, masked; null only for payouts requested before payout methods existed",
                nullable = true)
        PayoutMethodSummary payoutMethod,
        @Schema(description = "When it was requested") Instant requestedAt,
        @Schema(description = "Last change") Instant updatedAt,
        @Schema(description = "When it completed", nullable = true) Instant paidAt) {

    static PayoutView of(Payout payout) {
        return new PayoutView(payout.id, payout.referrerId, payout.amount, payout.currency, payout.status,
                payout.failureReason, payout.reference,
                payout.payoutMethodKind == null ? null
                        : new PayoutMethodSummary(payout.payoutMethodKind, payout.payoutMethodMasked),
                payout.createdAt, payout.updatedAt, payout.paidAt);
    }

    /** @param masked e.g. {@code DE****3000}, {@code j***@example.com}, {@code ETHEREUM 0x5290…3Ab1} */
    @Schema(description = "A payout method, masked", requiredProperties = { "type", "masked" })
    public record PayoutMethodSummary(
            @Schema(description = "The kind of payout method") PayoutMethodKind type,
            @Schema(description = "The account, masked", examples = "DE****3000") String masked) {
    }
}
