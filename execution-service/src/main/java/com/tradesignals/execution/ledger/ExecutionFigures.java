package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * What an execution's applied fills add up to. Sums are exact (sizes and prices have at most 8 decimals, so
 * size × price has at most 16); the average price is notional / cumulative size carried to 34 significant digits,
 * and only the published figures are rounded, once, to {@value #SCALE} decimals HALF_EVEN.
 */
public record ExecutionFigures(BigDecimal cumulativeSize, BigDecimal notional, BigDecimal exactAveragePrice) {

    /** Decimals of sizes, prices, average price and slippage. */
    public static final int SCALE = 8;
    /** Decimals of notionals (size × price of two {@value #SCALE}-decimal numbers, exact). */
    public static final int NOTIONAL_SCALE = 16;

    public static ExecutionFigures of(Collection<Fill> fills) {
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        for (Fill fill : fills) {
            if (fill.status().countsForExecution()) {
                cumulative = cumulative.add(fill.size());
                notional = notional.add(fill.size().multiply(fill.price()));
            }
        }
        BigDecimal average = cumulative.signum() == 0 ? null : notional.divide(cumulative, MathContext.DECIMAL128);
        return new ExecutionFigures(cumulative.setScale(SCALE, RoundingMode.UNNECESSARY),
                notional.setScale(NOTIONAL_SCALE, RoundingMode.UNNECESSARY), average);
    }

    /** The figures of running totals (the sums of the counted fills' sizes and notionals kept on the execution). */
    public static ExecutionFigures ofTotals(BigDecimal cumulativeSize, BigDecimal notional) {
        BigDecimal cumulative = cumulativeSize == null ? BigDecimal.ZERO : cumulativeSize;
        BigDecimal total = notional == null ? BigDecimal.ZERO : notional;
        BigDecimal average = cumulative.signum() == 0 ? null : total.divide(cumulative, MathContext.DECIMAL128);
        return new ExecutionFigures(cumulative.setScale(SCALE, RoundingMode.UNNECESSARY),
                total.setScale(NOTIONAL_SCALE, RoundingMode.UNNECESSARY), average);
    }

    /** These figures with one more APPLIED fill of {@code size} and {@code notional}. */
    public ExecutionFigures plus(BigDecimal size, BigDecimal fillNotional) {
        return ofTotals(cumulativeSize.add(size), notional.add(fillNotional));
    }

    public static BigDecimal notionalOf(BigDecimal size, BigDecimal price) {
        return size.multiply(price).setScale(NOTIONAL_SCALE, RoundingMode.UNNECESSARY);
    }

    /** FIX LeavesQty: what is still to fill of the requested lots; nothing once the order is filled or ended. */
    public static BigDecimal leaves(ExecutionState state, BigDecimal requestedSize, BigDecimal cumulativeSize) {
        boolean isDone = state == ExecutionState.FILLED || state.isClosed();
        return (isDone ? BigDecimal.ZERO : requestedSize.subtract(cumulativeSize)).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    public BigDecimal averagePrice() {
        return exactAveragePrice == null ? null : exactAveragePrice.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * Signed by side so that positive is adverse: a BUY that paid more than the signal price, a SELL that received
     * less. {@code null} until something is filled, or when the signal has no reference price.
     */
    public BigDecimal slippage(Side side, BigDecimal signalPrice) {
        if (exactAveragePrice == null || signalPrice == null) {
            return null;
        }
        BigDecimal difference = side == Side.BUY ? exactAveragePrice.subtract(signalPrice)
                : signalPrice.subtract(exactAveragePrice);
        return difference.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
