package com.tradesignals.execution.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tradesignals.execution.ledger.ReportType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The terminal cancelled the signal's order (on a cancel delivery, or on its own): one that never filled ends
 * CANCELLED, a partially filled one DONE.
 */
@Schema(description = "The order was cancelled (FIX ExecType=Canceled)")
public record CancelledReport(
        @Schema(description = "Unique per device (FIX ExecID): the same report sent again gets the original answer; "
                + "another report under the same id is a conflict", examples = "r-7f3c2a")
        @NotNull @Pattern(regexp = DeviceReport.REPORT_ID_PATTERN) String reportId,
        @Schema(description = "The signal whose order was cancelled") @NotNull UUID signalId,
        @Schema(description = "Optional: why, as the terminal or broker said it", examples = "cancelled by signal")
        @JsonInclude(JsonInclude.Include.NON_NULL) @Size(min = 1, max = 200) String reason) implements DeviceReport {

    @Override
    public ReportType type() {
        return ReportType.CANCELLED;
    }

    @Override
    public DeviceReport canonical() {
        return this;
    }
}
