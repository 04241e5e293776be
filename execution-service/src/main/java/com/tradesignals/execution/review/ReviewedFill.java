package com.tradesignals.execution.review;

import com.tradesignals.execution.ledger.ExecutionState;
import com.tradesignals.execution.ledger.FillStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The decided fill and where its execution stands now. {@code commissionable_size}: the lots that earn commission. */
@Schema(description = "The decided fill and where its execution stands now", requiredProperties = { "fill_id",
        "previous_status", "status", "commissionable_size", "reviewed_at", "execution_id", "state", "cumulative_size",
                "leaves_size" })
public record ReviewedFill(
        @Schema(description = "The decided fill") UUID fillId,
        @Schema(description = "Its status before the decision") FillStatus previousStatus,
        @Schema(description = "Its status now (APPLIED or REJECTED)") FillStatus status,
        @Schema(description = "The lots that earn commission") BigDecimal commissionableSize,
        @Schema(description = "When it was decided") Instant reviewedAt,
        @Schema(description = "Its execution") UUID executionId,
        @Schema(description = "The execution state now") ExecutionState state,
        @Schema(description = "Lots filled now") BigDecimal cumulativeSize,
        @Schema(description = "Lots open now") BigDecimal leavesSize,
        @Schema(description = "The average price of the applied fills; null when none", nullable = true)
        BigDecimal averagePrice) {
}
