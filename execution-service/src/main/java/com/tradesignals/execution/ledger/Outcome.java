package com.tradesignals.execution.ledger;

/** What a report did to its execution; the {@code outcome} of a report's answer and the metric tag. */
public enum Outcome {
    ACKNOWLEDGED,
    ALREADY_ACKNOWLEDGED,
    FILL_APPLIED,
    /** Applied to the execution; its commission waits for an administrator (the signal had no reference price). */
    FILL_HELD_FOR_REVIEW,
    OVERFILL_QUARANTINED,
    /** The price is further from the signal's reference price than the instrument's asset class allows. */
    PRICE_OUT_OF_BAND,
    /** The reported side is not the signal's. */
    SIDE_MISMATCH,
    /** The size is not a whole number of the instrument's lot steps. */
    OFF_LOT_STEP,
    /** The execution was rejected or expired before this fill. */
    FILL_FLAGGED,
    DUPLICATE_TRADE,
    REJECTED,
    ERROR_RECORDED,
    IGNORED,
    AWAITING_SIGNAL,
    /** The report waited for its signal longer than {@code execution.orphans.max-wait}: it was never applied. */
    SIGNAL_NEVER_ARRIVED,
    NOT_OWNER
}
