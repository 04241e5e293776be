package com.tradesignals.affiliate.payout.paymentsapi;

/**
 * The payments API gave no definite answer (a 5xx, a 429, an answer that cannot be read, a status it should
 * not send): the transfer may or may not have happened. The call is retried; if it still fails the payout stays
 * processing and is sent again, with the same idempotency key, after {@code affiliates.payouts.stale-after}.
 */
public class OutcomeUnknown extends RuntimeException {

    public OutcomeUnknown(String message) {
        super(message);
    }

    /**
     * The API accepted the transfer and has not finished it: asking again at once would only get the same answer,
     * so it is not retried within the call and does not count against the circuit breaker.
     */
    public static class Pending extends OutcomeUnknown {

        public Pending(String transferId) {
            super("transfer " + transferId + " is pending at the payments API");
        }
    }
}
