package com.tradesignals.execution.reports;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** The device received the signal and is acting on it (FIX ExecType=New). */
public record AckReport(
        @NotNull @Pattern(regexp = DeviceReport.REPORT_ID_PATTERN) String reportId,
        @NotNull UUID signalId) implements DeviceReport {

    @Override
    public ReportType type() {
        return ReportType.ACK;
    }

    @Override
    public DeviceReport canonical() {
        return this;
    }
}
