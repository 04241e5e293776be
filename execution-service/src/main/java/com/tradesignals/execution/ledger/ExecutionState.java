package com.tradesignals.execution.ledger;

/**
 * Where one device stands with one signal. Moves one way only, PENDING → ACKED → PARTIALLY_FILLED → FILLED, or to
 * REJECTED / EXPIRED from PENDING or ACKED; REJECTED and EXPIRED stick. The only way back is an administrator
 * busting a fill, which recomputes the state from the fills that remain (as a FIX trade bust reduces CumQty).
 */
public enum ExecutionState {
    PENDING,
    ACKED,
    PARTIALLY_FILLED,
    FILLED,
    REJECTED,
    EXPIRED;

    /** Rejected or expired: no fill may count any more. */
    public boolean isClosed() {
        return this == REJECTED || this == EXPIRED;
    }

    /** Nothing has been filled and nothing ended it: what an error report or the expiry sweep may still end. */
    public boolean isOpenWithoutFills() {
        return this == PENDING || this == ACKED;
    }
}
