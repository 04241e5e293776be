package com.tradesignals.contracts.events;

/**
 * What kind of market an instrument trades in: it decides the plausibility band of a fill's price and how the
 * affiliate programme prices a fill. The instrument catalogue (configuration) gives each symbol its class.
 */
public enum AssetClass {
    FX,
    METAL,
    INDEX,
    CRYPTO
}
