package com.tradesignals.affiliate.payout;

import com.tradesignals.affiliate.payoutmethod.PayoutMethodKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payout as its affiliate (and an administrator) sees it, with the payout method it goes to, masked.
 *
 * @param payoutMethod null only for payouts requested before payout methods existed
 */
public record PayoutView(UUID payoutId, UUID userId, BigDecimal amount, String currency, Payout.Status status,
        String failureReason, String reference, PayoutMethodSummary payoutMethod, Instant requestedAt,
        Instant updatedAt, Instant paidAt) {

    static PayoutView of(Payout payout) {
        return new PayoutView(payout.id, payout.referrerId, payout.amount, payout.currency, payout.status,
                payout.failureReason, payout.reference,
                payout.payoutMethodKind == null ? null
                        : new PayoutMethodSummary(payout.payoutMethodKind, payout.payoutMethodMasked),
                payout.createdAt, payout.updatedAt, payout.paidAt);
    }

    /** @param masked e.g. {@code DE****3000}, {@code j***@example.com}, {@code ETHEREUM 0x5290…3Ab1} */
    public record PayoutMethodSummary(PayoutMethodKind type, String masked) {
    }
}
