package com.tradesignals.affiliate.payout;

/** The provider's definite answer about one payout. */
public sealed interface PayoutResult {

    /** @param reference the provider's id of the transfer */
    record Completed(String reference) implements PayoutResult {
    }

    /** @param reason why the provider refused, shown to the affiliate */
    record Failed(String reason) implements PayoutResult {
    }
}
