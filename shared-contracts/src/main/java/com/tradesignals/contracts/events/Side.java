package com.tradesignals.contracts.events;

/** Direction of a trade. */
public enum Side {
    BUY,
    SELL;

    /** The side of the deal that closes a position opened on this side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
