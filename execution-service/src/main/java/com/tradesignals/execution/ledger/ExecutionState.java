package com.tradesignals.execution.ledger;

/**
 * Where one device stands with one signal (docs/execution-service.md, "State machine"). Moves one way only and always
 * ends: PENDING → ACKED → PLACED → PARTIALLY_FILLED → FILLED → CLOSING → CLOSED; an order that never filled ends
 * CANCELLED, REJECTED or EXPIRED; a partially filled one that is cancelled or expires ends DONE, its filled lots still
 * open as a position that closes through CLOSING to CLOSED. The only way back is an administrator busting or approving
 * a fill, which recomputes the state from the fills (as a FIX trade bust reduces CumQty).
 */
public enum ExecutionState {
    PENDING,
    ACKED,
    /** A pending (LIMIT or STOP) order rests with the broker under its broker order id. */
    PLACED,
    PARTIALLY_FILLED,
    FILLED,
    /** Part of the position is closed. */
    CLOSING,
    /** The position is flat: its realized P&L is final. */
    CLOSED,
    CANCELLED,
    REJECTED,
    EXPIRED,
    /** A partially filled order whose rest was cancelled or expired (FIX OrdStatus Done for day): leaves 0. */
    DONE;

    /** The order no longer works and no fill may count any more (a fill now is flagged for review). */
    public boolean isClosed() {
        return this == REJECTED || this == EXPIRED || this == CANCELLED || this == DONE || this == CLOSING
                || this == CLOSED;
    }

    /** Nothing has been filled and nothing ended it: what an error, a cancel or the expiry sweep may still end. */
    public boolean isOpenWithoutFills() {
        return this == PENDING || this == ACKED || this == PLACED;
    }

    /** Lots may be open: what a closing fill may reduce. */
    public boolean mayHoldPosition() {
        return this == PARTIALLY_FILLED || this == FILLED || this == CLOSING || this == DONE;
    }
}
