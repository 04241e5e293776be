package com.tradesignals.execution.status;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.execution.ledger.ExecutionState;
import com.tradesignals.execution.ledger.FillStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A signal and, per device, how its execution stands. Sizes are lots; decimals are JSON strings with 8 decimals.
 * {@code signal_price} is null for a MARKET signal issued without a reference price (and then so is slippage).
 */
@Schema(description = "A signal and, per device, how its execution stands; decimals are strings", requiredProperties = {
        "signal_id", "instrument", "side", "requested_size", "issued_at", "expires_at", "executions" })
public record SignalStatus(
        @Schema(description = "The signal") UUID signalId,
        @Schema(description = "Its instrument", examples = "EURUSD") String instrument,
        @Schema(description = "BUY or SELL") Side side,
        @Schema(description = "The size asked for, in lots") BigDecimal requestedSize,
        @Schema(description = "The reference price; null for a MARKET signal issued without one", nullable = true)
        BigDecimal signalPrice,
        @Schema(description = "When it was issued") Instant issuedAt,
        @Schema(description = "When it expires") Instant expiresAt,
        @Schema(description = "Each device's execution (a device caller sees its own only)")
        List<ExecutionStatus> executions) {

    /**
     * FIX-like figures of one device's execution: {@code cumulative_size} (CumQty), {@code leaves_size} (LeavesQty),
     * {@code average_price} (AvgPx, from the applied fills), {@code slippage} (positive = adverse).
     */
    @Schema(description = "FIX-like figures of one device's execution", requiredProperties = {
            "execution_id", "device_id", "state", "requested_size", "cumulative_size", "leaves_size", "trade_ids",
            "fills", "updated_at" })
    public record ExecutionStatus(
            @Schema(description = "The execution") UUID executionId,
            @Schema(description = "The executing device") UUID deviceId,
            @Schema(description = "The execution state") ExecutionState state,
            @Schema(description = "Lots asked for") BigDecimal requestedSize,
            @Schema(description = "Lots filled (FIX CumQty)") BigDecimal cumulativeSize,
            @Schema(description = "Lots open (FIX LeavesQty)") BigDecimal leavesSize,
            @Schema(description = "Average price of the applied fills (FIX AvgPx); null before a fill", nullable = true)
            BigDecimal averagePrice,
            @Schema(description = "Average price against the reference price, positive = adverse; null without either",
                    nullable = true)
            BigDecimal slippage,
            @Schema(description = "The brokers' tickets of the fills") List<String> tradeIds,
            @Schema(description = "Every fill reported, whatever became of it") List<FillView> fills,
            @Schema(description = "When the device acknowledged", nullable = true) Instant acknowledgedAt,
            @Schema(description = "The first fill", nullable = true) Instant firstFillAt,
            @Schema(description = "The latest fill", nullable = true) Instant lastFillAt,
            @Schema(description = "When the device reported a failure", nullable = true) Instant failedAt,
            @Schema(description = "When the execution expired", nullable = true) Instant expiredAt,
            @Schema(description = "The failure's status code", nullable = true) Integer errorCode,
            @Schema(description = "The failure's message", nullable = true) String errorMessage,
            @Schema(description = "Last change") Instant updatedAt) {
    }

    /**
     * Every fill reported, whatever became of it: APPLIED and HELD fills count for the execution; {@code size} and
     * {@code commissionable_size} (the lots that earn commission) are lots.
     */
    @Schema(description = "One fill as reported, whatever became of it", requiredProperties = {
            "fill_id", "trade_id", "size", "commissionable_size", "price", "filled_at", "received_at", "status" })
    public record FillView(
            @Schema(description = "The fill") UUID fillId,
            @Schema(description = "The broker's ticket") String tradeId,
            @Schema(description = "Lots reported") BigDecimal size,
            @Schema(description = "Lots that earn commission") BigDecimal commissionableSize,
            @Schema(description = "The fill price") BigDecimal price,
            @Schema(description = "When the broker filled it") Instant filledAt,
            @Schema(description = "When the report arrived") Instant receivedAt,
            @Schema(description = "APPLIED and HELD fills count for the execution") FillStatus status,
            @Schema(description = "Why it awaits or awaited review", nullable = true) String flagReason,
            @Schema(description = "When an administrator decided", nullable = true) Instant reviewedAt,
            @Schema(description = "The administrator's reason", nullable = true) String reviewReason,
            @Schema(description = "When it was busted", nullable = true) Instant bustedAt,
            @Schema(description = "Why it was busted", nullable = true) String bustReason) {
    }
}
