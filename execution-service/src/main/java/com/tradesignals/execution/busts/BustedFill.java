package com.tradesignals.execution.busts;

import com.tradesignals.execution.ledger.ExecutionState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The busted fill and its execution's figures recomputed without it. */
@Schema(description = "The busted fill and its execution's figures recomputed without it",
        requiredProperties = { "fill_id", "execution_id", "signal_id", "trade_id", "busted_at", "state",
                "cumulative_size", "leaves_size" })
public record BustedFill(
        @Schema(description = "The busted fill") UUID fillId,
        @Schema(description = "Its execution") UUID executionId,
        @Schema(description = "Its signal") UUID signalId,
        @Schema(description = "The broker's ticket") String tradeId,
        @Schema(description = "When it was busted") Instant bustedAt,
        @Schema(description = "The execution state now") ExecutionState state,
        @Schema(description = "Lots filled now (without the busted fill)") BigDecimal cumulativeSize,
        @Schema(description = "Lots open now") BigDecimal leavesSize,
        @Schema(description = "The average price of the remaining applied fills; null when none is left",
                nullable = true)
        BigDecimal averagePrice) {
}
