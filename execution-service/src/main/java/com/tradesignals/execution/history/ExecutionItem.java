package com.tradesignals.execution.history;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.execution.ledger.ExecutionFigures;
import com.tradesignals.execution.ledger.ExecutionState;
import com.tradesignals.execution.ledger.ExecutionStore.ExecutionAndSignal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One of the user's executions in the history: one device's execution of one signal, with its FIX-like figures
 * (sizes in lots; decimals are JSON strings with 8 decimals).
 */
@Schema(description = "One device's execution of one signal; decimals are strings", requiredProperties = {
        "execution_id", "signal_id", "device_id", "instrument", "side", "state", "signal_size", "cumulative_size",
        "leaves_size", "created_at", "updated_at" })
public record ExecutionItem(
        @Schema(description = "The execution") UUID executionId,
        @Schema(description = "Its signal") UUID signalId,
        @Schema(description = "The executing device") UUID deviceId,
        @Schema(description = "The signal's instrument", examples = "EURUSD") String instrument,
        @Schema(description = "BUY or SELL") Side side,
        @Schema(description = "The execution state") ExecutionState state,
        @Schema(description = "The lots the signal asked for") BigDecimal signalSize,
        @Schema(description = "Lots filled (FIX CumQty)") BigDecimal cumulativeSize,
        @Schema(description = "Lots open (FIX LeavesQty)") BigDecimal leavesSize,
        @Schema(description = "Average price of the counted fills (FIX AvgPx); null before a fill", nullable = true)
        BigDecimal averagePrice,
        @Schema(description = "Average price against the signal's price, positive = adverse; null without either",
                nullable = true)
        BigDecimal slippage,
        @Schema(description = "The broker's order ticket once a pending order was placed", nullable = true)
        String brokerOrderId,
        @Schema(description = "Lots of the position closed so far") BigDecimal closedSize,
        @Schema(description = "Average price of the applied closing deals; null before one", nullable = true)
        BigDecimal averageExitPrice,
        @Schema(description = "Realized P&L of the closed lots in the instrument's quote currency (lots × contract "
                + "size × price difference, signed by side); null before a close, or when the instrument is not in "
                + "the catalogue", nullable = true)
        BigDecimal realizedPnl,
        @Schema(description = "When the execution began (the signal arrived or the device first reported)")
        Instant createdAt,
        @Schema(description = "Its last change") Instant updatedAt) {

    static ExecutionItem of(ExecutionAndSignal row) {
        var execution = row.execution();
        var signal = row.signal();
        ExecutionFigures figures = ExecutionFigures.ofTotals(execution.cumulativeSize(), execution.notional());
        return new ExecutionItem(execution.executionId(), signal.signalId(), execution.deviceId(), signal.instrument(),
                signal.side(), execution.state(), signal.size(), figures.cumulativeSize(),
                ExecutionFigures.leaves(execution.state(), execution.requestedOf(signal), figures.cumulativeSize()),
                figures.averagePrice(), figures.slippage(signal.side(), signal.price()),
                execution.order().brokerOrderId(), execution.position().closedSize(),
                execution.position().averageExitPrice(), execution.position().realizedPnl(), execution.createdAt(),
                execution.updatedAt());
    }
}
