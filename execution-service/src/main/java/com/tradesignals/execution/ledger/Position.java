package com.tradesignals.execution.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What an execution's applied closing fills add up to: {@code closedSize} lots, {@code exitNotional} (Σ lots × price,
 * exact: the average exit's numerator), {@code realizedPnl} in the quote currency (null when the instrument is not in
 * the catalogue), {@code reportedProfit} the profits the terminal reported in the account currency (null when it sent
 * none).
 */
public record Position(BigDecimal closedSize, BigDecimal exitNotional, BigDecimal realizedPnl,
        BigDecimal reportedProfit) {

    public static final Position NONE_CLOSED = new Position(BigDecimal.ZERO, BigDecimal.ZERO, null, null);

    /** The lots still open of {@code cumulativeSize} opened. */
    public BigDecimal openSize(BigDecimal cumulativeSize) {
        return cumulativeSize.subtract(closedSize).setScale(ExecutionFigures.SCALE, RoundingMode.HALF_EVEN);
    }

    public BigDecimal averageExitPrice() {
        return closedSize.signum() == 0 ? null
                : exitNotional.divide(closedSize, MathContext.DECIMAL128)
                        .setScale(ExecutionFigures.SCALE, RoundingMode.HALF_EVEN);
    }

    Position plus(ClosingFill close) {
        return new Position(closedSize.add(close.lots()), exitNotional.add(close.lots().multiply(close.price())),
                sum(realizedPnl, close.realizedPnl()), sum(reportedProfit, close.profit()));
    }

    /** Null while nothing was known (an instrument outside the catalogue, a terminal that sends no profit). */
    private static BigDecimal sum(BigDecimal total, BigDecimal more) {
        return total == null ? more : more == null ? total : total.add(more);
    }
}
