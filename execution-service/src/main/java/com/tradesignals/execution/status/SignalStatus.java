package com.tradesignals.execution.status;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.execution.ledger.ExecutionState;
import com.tradesignals.execution.ledger.FillStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A signal and, per device, how its execution stands. Sizes are lots; decimals are JSON strings with 8 decimals.
 * {@code signal_price} is null for a MARKET signal issued without a reference price (and then so is slippage).
 */
public record SignalStatus(
        UUID signalId,
        String instrument,
        Side side,
        BigDecimal requestedSize,
        BigDecimal signalPrice,
        Instant issuedAt,
        Instant expiresAt,
        List<ExecutionStatus> executions) {

    /**
     * FIX-like figures of one device's execution: {@code cumulative_size} (CumQty), {@code leaves_size} (LeavesQty),
     * {@code average_price} (AvgPx, from the applied fills), {@code slippage} (positive = adverse).
     */
    public record ExecutionStatus(
            UUID executionId,
            UUID deviceId,
            ExecutionState state,
            BigDecimal requestedSize,
            BigDecimal cumulativeSize,
            BigDecimal leavesSize,
            BigDecimal averagePrice,
            BigDecimal slippage,
            List<String> tradeIds,
            List<FillView> fills,
            Instant acknowledgedAt,
            Instant firstFillAt,
            Instant lastFillAt,
            Instant failedAt,
            Instant expiredAt,
            Integer errorCode,
            String errorMessage,
            Instant updatedAt) {
    }

    /**
     * Every fill reported, whatever became of it: APPLIED and HELD fills count for the execution; {@code size} and
     * {@code commissionable_size} (the lots that earn commission) are lots.
     */
    public record FillView(
            UUID fillId,
            String tradeId,
            BigDecimal size,
            BigDecimal commissionableSize,
            BigDecimal price,
            Instant filledAt,
            Instant receivedAt,
            FillStatus status,
            String flagReason,
            Instant reviewedAt,
            String reviewReason,
            Instant bustedAt,
            String bustReason) {
    }
}
