package com.tradesignals.execution.reports;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The broker filled (part of) the order: {@code trade_id} is the broker's ticket, unique within the execution.
 * Sizes and prices are positive decimals with at most 12 integer digits and 8 decimals, sent as JSON strings.
 */
public record FillReport(
        @NotNull @Pattern(regexp = DeviceReport.REPORT_ID_PATTERN) String reportId,
        @NotNull UUID signalId,
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String tradeId,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 8) BigDecimal price,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 8) BigDecimal size,
        @NotNull Instant filledAt) implements DeviceReport {

    @Override
    public ReportType type() {
        return ReportType.FILL;
    }

    @Override
    public DeviceReport canonical() {
        return new FillReport(reportId, signalId, tradeId, DeviceReport.canonical(price), DeviceReport.canonical(size),
                filledAt);
    }
}
