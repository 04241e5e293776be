package com.tradesignals.execution.ledger;

/** What a report did to its execution; the {@code outcome} of a report's answer and the metric tag. */
public enum Outcome {
    ACKNOWLEDGED,
    ALREADY_ACKNOWLEDGED,
    FILL_APPLIED,
    OVERFILL_QUARANTINED,
    FILL_FLAGGED,
    DUPLICATE_TRADE,
    REJECTED,
    ERROR_RECORDED,
    IGNORED,
    AWAITING_SIGNAL,
    NOT_OWNER
}
