package com.tradesignals.execution.reports;

import com.tradesignals.execution.ledger.Execution;
import com.tradesignals.execution.ledger.ExecutionState;
import com.tradesignals.execution.ledger.Outcome;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The answer to a report: what it did ({@code outcome}) and, once the signal is known, where the execution stands.
 * A retry of the same report gets this same answer, even if the execution has moved on since.
 */
public record ReportAnswer(
        String reportId,
        ReportType reportType,
        UUID signalId,
        Outcome outcome,
        UUID fillId,
        ExecutionSummary execution) {

    public record ExecutionSummary(UUID executionId, ExecutionState state, BigDecimal cumulativeSize,
            BigDecimal leavesSize, BigDecimal averagePrice) {

        static ExecutionSummary of(Execution execution, BigDecimal leavesSize) {
            return new ExecutionSummary(execution.executionId, execution.state, execution.cumulativeSize, leavesSize,
                    execution.averagePrice);
        }
    }
}
