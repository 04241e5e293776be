package com.tradesignals.execution.reports;

import com.tradesignals.execution.ledger.ReportType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The device could not execute the signal: the terminal's or broker's status code and message (FIX ExecType=Rejected). */
@Schema(description = "The device could not execute the signal (FIX ExecType=Rejected)")
public record ErrorReport(
        @Schema(description = "Unique per device (FIX ExecID): the same report sent again gets the original answer; "
                + "another report under the same id is a conflict", examples = "r-7f3c2a")
        @NotNull @Pattern(regexp = DeviceReport.REPORT_ID_PATTERN) String reportId,
        @Schema(description = "The signal that could not be executed") @NotNull UUID signalId,
        @Schema(description = "The terminal's or broker's status code", examples = "10019")
        @NotNull @Min(0) @Max(999_999) Integer statusCode,
        @Schema(description = "The terminal's or broker's message", examples = "Not enough money")
        @NotBlank @Size(max = 500) String message) implements DeviceReport {

    @Override
    public ReportType type() {
        return ReportType.ERROR;
    }

    @Override
    public DeviceReport canonical() {
        return this;
    }
}
