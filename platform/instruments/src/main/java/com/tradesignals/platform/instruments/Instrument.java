package com.tradesignals.platform.instruments;

import com.tradesignals.contracts.events.AssetClass;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One symbol of the catalogue. Sizes are lots; notional is in the quote currency. */
public record Instrument(String symbol, AssetClass assetClass, BigDecimal contractSize, BigDecimal lotStep,
        String quoteCurrency) {

    /** Decimals of a notional: money inside the platform has 8 (rounded HALF_EVEN, once). */
    public static final int NOTIONAL_SCALE = 8;

    /** lots × contract size × price, in the quote currency. */
    public BigDecimal notional(BigDecimal lots, BigDecimal price) {
        return lots.multiply(contractSize).multiply(price).setScale(NOTIONAL_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Whether {@code lots} is a whole number of lot steps, as every terminal requires. */
    public boolean isOnLotStep(BigDecimal lots) {
        return lots.remainder(lotStep).signum() == 0;
    }
}
