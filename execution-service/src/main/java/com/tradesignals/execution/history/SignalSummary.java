package com.tradesignals.execution.history;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.execution.ledger.ExecutionState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A signal's outcome across the user's devices: the signal, what each device that acted on it made of it (entry,
 * exit, realized P&L), and the totals.
 */
@Schema(description = "A signal's outcome across the user's devices; decimals are strings", requiredProperties = {
        "signal_id", "instrument", "side", "signal_size", "issued_at", "devices", "total_filled_size" })
public record SignalSummary(
        @Schema(description = "The signal") UUID signalId,
        @Schema(description = "Its instrument", examples = "EURUSD") String instrument,
        @Schema(description = "BUY or SELL") Side side,
        @Schema(description = "The lots it asked for, per device") BigDecimal signalSize,
        @Schema(description = "Its reference price; null for a MARKET signal issued without one", nullable = true)
        BigDecimal signalPrice,
        @Schema(description = "When it was issued") Instant issuedAt,
        @Schema(description = "Each device that acknowledged, filled or failed it") List<DeviceSummary> devices,
        @Schema(description = "Lots filled across the devices") BigDecimal totalFilledSize,
        @Schema(description = "Average entry price across the devices' counted fills; null before a fill",
                nullable = true)
        BigDecimal averageEntryPrice,
        @Schema(description = "That average against the signal's price, positive = adverse; null without either",
                nullable = true)
        BigDecimal slippage,
        @Schema(description = "Realized P&L across the devices in the quote currency; null before a close or when "
                + "the instrument is not in the catalogue", nullable = true)
        BigDecimal realizedPnl) {

    @Schema(description = "What one device made of the signal", requiredProperties = { "device_id", "execution_id",
            "state", "filled_size", "updated_at" })
    public record DeviceSummary(
            @Schema(description = "The device") UUID deviceId,
            @Schema(description = "Its execution of the signal") UUID executionId,
            @Schema(description = "The execution state") ExecutionState state,
            @Schema(description = "Lots filled (FIX CumQty)") BigDecimal filledSize,
            @Schema(description = "Average entry price of the counted fills; null before a fill", nullable = true)
            BigDecimal averageEntryPrice,
            @Schema(description = "Against the signal's price, positive = adverse; null without either",
                    nullable = true)
            BigDecimal slippage,
            @Schema(description = "Lots of the position closed so far") BigDecimal closedSize,
            @Schema(description = "Average price of the applied closing deals; null before one", nullable = true)
        BigDecimal averageExitPrice,
            @Schema(description = "Realized P&L of the closed lots in the instrument's quote currency (lots × contract "
                    + "size × price difference, signed by side); null before a close, or when the instrument is not in "
                    + "the catalogue", nullable = true)
        BigDecimal realizedPnl,
            @Schema(description = "Its last change") Instant updatedAt) {
    }
}
