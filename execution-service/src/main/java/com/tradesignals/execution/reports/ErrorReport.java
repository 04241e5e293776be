package com.tradesignals.execution.reports;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The device could not execute the signal: the terminal's or broker's status code and message (FIX ExecType=Rejected). */
public record ErrorReport(
        @NotNull @Pattern(regexp = DeviceReport.REPORT_ID_PATTERN) String reportId,
        @NotNull UUID signalId,
        @NotNull @Min(0) @Max(999_999) Integer statusCode,
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
