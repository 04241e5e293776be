package com.tradesignals.execution.reports;

import com.tradesignals.execution.ledger.ReportType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The device received the signal and is acting on it (FIX ExecType=New). */
@Schema(description = "The device received the signal and is acting on it")
public record AckReport(
        @Schema(description = "Unique per device (FIX ExecID): the same report sent again gets the original answer; "
                + "another report under the same id is a conflict", examples = "r-7f3c2a")
        @NotNull @Pattern(regexp = DeviceReport.REPORT_ID_PATTERN) String reportId,
        @Schema(description = "The signal acknowledged") @NotNull UUID signalId) implements DeviceReport {

    @Override
    public ReportType type() {
        return ReportType.ACK;
    }

    @Override
    public DeviceReport canonical() {
        return this;
    }
}
