package com.tradesignals.affiliate.payout;

import io.smallrye.mutiny.Uni;

/**
 * Moves money to an affiliate: a bank, a PSP, a wallet. Implementations must be idempotent by
 * {@code order.payoutId()}: a payout whose outcome was lost is sent again with the same id and must not pay twice.
 * A failed Uni means "outcome unknown" (the payout stays processing and is sent again later); a definite
 * refusal is {@link PayoutResult.Failed}. Which implementation runs is configuration ({@link PayoutProviders}).
 */
public interface PayoutProvider {

    Uni<PayoutResult> pay(PayoutOrder order);
}
