package com.tradesignals.contracts.events.signals;

public enum OrderType {
    MARKET,
    LIMIT,
    STOP
}
