package com.tradesignals.affiliate.ledger;

/**
 * A ledger entry's status as affiliates see it. A commission is HELD until its holding period ends, then
 * AVAILABLE, then PAID; a busted fill makes it REFUNDED (unpaid) or CLAWED_BACK (paid). The negative entry a
 * clawback leaves is OUTSTANDING until a payout nets it (SETTLED).
 */
public enum EntryStatus {
    HELD, AVAILABLE, PAID, REFUNDED, CLAWED_BACK, OUTSTANDING, SETTLED
}
