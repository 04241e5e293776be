package com.tradesignals.affiliate.payout.paymentsapi;

import com.tradesignals.affiliate.payoutmethod.PayoutMethodDetails;

/**
 * The body of {@code POST /v1/payouts}.
 *
 * @param reference   the payout id, for reconciliation (it is also the Idempotency-Key)
 * @param amount      a decimal string with the currency's minor-unit digits, e.g. {@code "60.00"}
 * @param currency    ISO 4217
 * @param beneficiary the payout method the payout was requested with, in full
 */
public record TransferRequest(String reference, String amount, String currency, PayoutMethodDetails beneficiary) {

    @Override
    public String toString() {
        return "TransferRequest[" + reference + ", " + amount + " " + currency + " to " + beneficiary + "]";
    }
}
