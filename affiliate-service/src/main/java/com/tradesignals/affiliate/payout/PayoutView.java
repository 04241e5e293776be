package com.tradesignals.affiliate.payout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payout as its affiliate (and an administrator) sees it. */
public record PayoutView(UUID payoutId, UUID userId, BigDecimal amount, String currency, Payout.Status status,
        String failureReason, String reference, Instant requestedAt, Instant updatedAt, Instant paidAt) {

    static PayoutView of(Payout payout) {
        return new PayoutView(payout.id, payout.referrerId, payout.amount, payout.currency, payout.status,
                payout.failureReason, payout.reference, payout.createdAt, payout.updatedAt, payout.paidAt);
    }
}
