package com.tradesignals.execution.reports;

import com.tradesignals.execution.ledger.ReportType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The terminal's open positions for the platform's signals, all of them: a position the platform holds open that is
 * not listed here is taken as closed on the terminal. Reconciled against the records; each disagreement is flagged.
 */
@Schema(description = "The terminal's open positions for the platform's signals")
public record PositionsReport(
        @Schema(description = "Unique per device (FIX ExecID): the same report sent again gets the original answer; "
                + "another report under the same id is a conflict", examples = "r-7f3c2a")
        @NotNull @Pattern(regexp = DeviceReport.REPORT_ID_PATTERN) String reportId,
        @Schema(description = "Every open position the terminal holds for a platform signal (empty: none)")
        @NotNull @Size(max = 1000) List<@NotNull @Valid Held> positions) {

    @Schema(description = "One open position on the terminal")
    public record Held(
            @Schema(description = "The signal that opened it") @NotNull UUID signalId,
            @Schema(description = "The lots open: positive, at most 12 integer digits and 8 decimals")
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 8)
            BigDecimal lots) {
    }

    public ReportType type() {
        return ReportType.POSITIONS;
    }

    /** Equal snapshots written one way (lots "0.50" and "0.5", any order of positions). */
    public PositionsReport canonical() {
        return new PositionsReport(reportId, positions.stream()
                .map(held -> new Held(held.signalId(), DeviceReport.canonical(held.lots())))
                .sorted(Comparator.comparing(Held::signalId)).toList());
    }
}
