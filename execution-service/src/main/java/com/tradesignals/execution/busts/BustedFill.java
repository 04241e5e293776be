package com.tradesignals.execution.busts;

import com.tradesignals.execution.ledger.ExecutionState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The busted fill and its execution's figures recomputed without it. */
public record BustedFill(
        UUID fillId,
        UUID executionId,
        UUID signalId,
        String tradeId,
        Instant bustedAt,
        ExecutionState state,
        BigDecimal cumulativeSize,
        BigDecimal leavesSize,
        BigDecimal averagePrice) {
}
