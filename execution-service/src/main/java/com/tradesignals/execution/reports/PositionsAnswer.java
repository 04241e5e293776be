package com.tradesignals.execution.reports;

import com.tradesignals.contracts.events.executions.PositionMismatch;
import com.tradesignals.execution.ledger.Outcome;
import com.tradesignals.execution.ledger.ReportType;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a position snapshot: whether it agreed with the records, and each disagreement. */
@Schema(description = "What a position snapshot found; a retry of the same report gets this same answer",
        requiredProperties = { "report_id", "report_type", "outcome", "mismatches" })
public record PositionsAnswer(
        @Schema(description = "The report answered") String reportId,
        @Schema(description = "POSITIONS") ReportType reportType,
        @Schema(description = "POSITIONS_MATCH or POSITIONS_MISMATCH") Outcome outcome,
        @Schema(description = "Each signal on which the terminal and the platform hold different lots")
        List<Mismatch> mismatches) {

    @Schema(description = "A signal on which the terminal and the platform disagree", requiredProperties = {
            "signal_id", "platform_lots", "terminal_lots" })
    public record Mismatch(
            @Schema(description = "The signal") UUID signalId,
            @Schema(description = "The device's execution of it; null when the platform has none", nullable = true)
            UUID executionId,
            @Schema(description = "Lots the platform holds open") BigDecimal platformLots,
            @Schema(description = "Lots the terminal holds open") BigDecimal terminalLots) {
    }

    static PositionsAnswer of(String reportId, Outcome outcome, List<PositionMismatch> mismatches) {
        return new PositionsAnswer(reportId, ReportType.POSITIONS, outcome, mismatches.stream()
                .map(found -> new Mismatch(found.signalId(), found.executionId(), found.platformLots(),
                        found.terminalLots()))
                .toList());
    }
}
