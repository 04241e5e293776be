package com.tradesignals.execution.ledger;

public enum FillStatus {
    /** Counts toward the execution's cumulative size and average price; announced by one FillRecorded. */
    APPLIED,
    /**
     * Counts toward the execution like an applied fill, but its signal had no reference price to check it against:
     * it earns nothing until an administrator approves it (then APPLIED, with its FillRecorded).
     */
    HELD,
    /** Would have taken the cumulative size past the signal's size: kept for review, not counted. */
    QUARANTINED,
    /** Implausible (price, side, lot step) or after the execution was rejected or expired: kept for review, not counted. */
    FLAGGED,
    /** An administrator refused it on review: kept, never counts. */
    REJECTED,
    /** Was applied, then reversed by an administrator; announced by one FillBusted. */
    BUSTED;

    /** Whether the fill is part of its execution's figures. */
    public boolean countsForExecution() {
        return this == APPLIED || this == HELD;
    }

    /** Whether an administrator still has to approve or reject it. */
    public boolean awaitsReview() {
        return this == HELD || this == QUARANTINED || this == FLAGGED;
    }
}
