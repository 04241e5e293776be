package com.tradesignals.contracts.events.devices;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many lots a device trades of a signal: the signal's lots times {@code lotMultiplier}, or {@code fixedLots}
 * whatever the signal says, at most {@code maxLots}; rounded down to the instrument's lot step, and never below one
 * step (no broker takes less). Without a lot step (an instrument outside the catalogue) it is cut to 8 decimals.
 * Without any setting it is the signal's lots exactly, as before settings existed.
 * device-service sizes each delivery with it, and execution-service the lots each device was asked to trade, so both
 * agree by construction (docs/device-service.md, "Per-device settings").
 */
public record DeviceSizing(BigDecimal lotMultiplier, BigDecimal fixedLots, BigDecimal maxLots) {

    /** The signal's own lots. */
    public static final DeviceSizing AS_SIGNAL = new DeviceSizing(null, null, null);

    public BigDecimal lotsFor(BigDecimal signalLots, BigDecimal lotStep) {
        if (lotMultiplier == null && fixedLots == null && maxLots == null) {
            return signalLots.setScale(8, RoundingMode.DOWN);
        }
        BigDecimal lots = fixedLots != null ? fixedLots
                : lotMultiplier != null ? signalLots.multiply(lotMultiplier) : signalLots;
        if (maxLots != null && lots.compareTo(maxLots) > 0) {
            lots = maxLots;
        }
        if (lotStep == null || lotStep.signum() <= 0) {
            return lots.setScale(8, RoundingMode.DOWN);
        }
        BigDecimal steps = lots.divide(lotStep, 0, RoundingMode.DOWN).max(BigDecimal.ONE);
        return steps.multiply(lotStep).setScale(8, RoundingMode.UNNECESSARY);
    }
}
