package com.tradesignals.execution.review;

import com.tradesignals.execution.ledger.ExecutionState;
import com.tradesignals.execution.ledger.FillStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The decided fill and where its execution stands now. {@code commissionable_size}: the lots that earn commission. */
public record ReviewedFill(
        UUID fillId,
        FillStatus previousStatus,
        FillStatus status,
        BigDecimal commissionableSize,
        Instant reviewedAt,
        UUID executionId,
        ExecutionState state,
        BigDecimal cumulativeSize,
        BigDecimal leavesSize,
        BigDecimal averagePrice) {
}
