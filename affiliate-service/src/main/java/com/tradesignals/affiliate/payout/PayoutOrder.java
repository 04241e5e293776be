package com.tradesignals.affiliate.payout;

import com.tradesignals.affiliate.payoutmethod.PayoutMethodDetails;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a provider needs to pay one payout, with the payout method decrypted: it lives in memory for the call
 * only. Its {@code toString} shows the destination masked, like {@link PayoutMethodDetails#toString()}.
 *
 * @param payoutId    the idempotency key: a payout sent again carries the same id
 * @param destination the payout method the payout was requested with
 */
public record PayoutOrder(UUID payoutId, UUID userId, BigDecimal amount, String currency,
        PayoutMethodDetails destination) {
}
