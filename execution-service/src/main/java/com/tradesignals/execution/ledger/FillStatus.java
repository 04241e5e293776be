package com.tradesignals.execution.ledger;

public enum FillStatus {
    /** Counts toward the execution's cumulative size and average price; announced by one FillRecorded. */
    APPLIED,
    /** Would have taken the cumulative size past the signal's size: kept for review, not counted. */
    QUARANTINED,
    /** Arrived after the execution was rejected or expired: kept for review, not counted. */
    FLAGGED,
    /** Was applied, then reversed by an administrator; announced by one FillBusted. */
    BUSTED
}
