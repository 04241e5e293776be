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
    /** A pending order rests with the broker. */
    PLACED,
    /** An order that never filled was cancelled. */
    CANCELLED,
    /** A partially filled order was cancelled or expired: what filled stays open as a position. */
    DONE,
    /** An order that never filled expired with its signal (found due while a report was applied). */
    EXPIRED,
    /** The terminal confirmed a new stop loss / take profit. */
    MODIFIED,
    /** A closing deal reduced the position. */
    CLOSE_APPLIED,
    /** A closing deal made the position flat: its realized P&L is final. */
    POSITION_CLOSED,
    /** A closing deal of more lots than are open: kept for review, not counted. */
    OVERCLOSE_QUARANTINED,
    /** A position snapshot agreed with the records. */
    POSITIONS_MATCH,
    /** A position snapshot disagreed with the records: each difference is flagged. */
    POSITIONS_MISMATCH,
    IGNORED,
    AWAITING_SIGNAL,
    /** The report waited for its signal longer than {@code execution.orphans.max-wait}: it was never applied. */
    SIGNAL_NEVER_ARRIVED,
    NOT_OWNER
}
