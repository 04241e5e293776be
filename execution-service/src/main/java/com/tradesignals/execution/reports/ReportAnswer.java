package com.tradesignals.execution.reports;

import com.tradesignals.execution.ledger.Execution;
import com.tradesignals.execution.ledger.ExecutionState;
import com.tradesignals.execution.ledger.Outcome;
import com.tradesignals.execution.ledger.ReportType;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a report: what it did ({@code outcome}) and, once the signal is known, where the execution stands.
 * A retry of the same report gets this same answer, even if the execution has moved on since.
 */
@Schema(description = "What a report did; a retry of the same report gets this same answer",
        requiredProperties = { "report_id", "report_type", "signal_id", "outcome" })
public record ReportAnswer(
        @Schema(description = "The report answered") String reportId,
        @Schema(description = "The report's type") ReportType reportType,
        @Schema(description = "The signal reported on") UUID signalId,
        @Schema(description = "What the report did (AWAITING_SIGNAL while its signal is unknown)") Outcome outcome,
        @Schema(description = "The fill a fill report recorded; null for other reports", nullable = true) UUID fillId,
        @Schema(description = "Where the execution stands once the signal is known; null before", nullable = true)
        ExecutionSummary execution) {

    @Schema(description = "An execution's figures", requiredProperties = { "execution_id", "state", "cumulative_size",
            "leaves_size", "open_size" })
    public record ExecutionSummary(
            @Schema(description = "The device's execution of the signal") UUID executionId,
            @Schema(description = "The execution state") ExecutionState state,
            @Schema(description = "Lots filled so far (FIX CumQty)") BigDecimal cumulativeSize,
            @Schema(description = "Lots still open (FIX LeavesQty)") BigDecimal leavesSize,
            @Schema(description = "The average price of the applied fills (FIX AvgPx); null before a fill",
                    nullable = true)
            BigDecimal averagePrice,
            @Schema(description = "Lots of the position still open: filled less closed") BigDecimal openSize,
            @Schema(description = "Realized P&L of the closed lots in the instrument's quote currency; null before a "
                    + "close, or when the instrument is not in the catalogue", nullable = true)
            BigDecimal realizedPnl) {

        static ExecutionSummary of(Execution execution, BigDecimal leavesSize) {
            return new ExecutionSummary(execution.executionId(), execution.state(), execution.cumulativeSize(),
                    leavesSize, execution.averagePrice(), execution.openSize(), execution.position().realizedPnl());
        }
    }
}
