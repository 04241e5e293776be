package com.tradesignals.contracts.events;

/** Direction of a trade. */
public enum Side {
    BUY,
    SELL
}
