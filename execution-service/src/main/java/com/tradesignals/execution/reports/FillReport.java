package com.tradesignals.execution.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tradesignals.contracts.events.Side;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The broker filled (part of) the order: {@code trade_id} is the broker's ticket (the deal ticket), unique within the
 * execution. {@code size} is <b>lots</b>, as the terminal reports volume. Sizes and prices are positive decimals with
 * at most 12 integer digits and 8 decimals, sent as JSON strings. {@code side} is optional; when sent it must be the
 * signal's.
 */
public record FillReport(
        @NotNull @Pattern(regexp = DeviceReport.REPORT_ID_PATTERN) String reportId,
        @NotNull UUID signalId,
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String tradeId,
        // Left out of the stored canonical form when absent, so reports stored before it existed replay unchanged.
        @JsonInclude(JsonInclude.Include.NON_NULL) Side side,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 8) BigDecimal price,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 8) BigDecimal size,
        @NotNull Instant filledAt) implements DeviceReport {

    @Override
    public ReportType type() {
        return ReportType.FILL;
    }

    @Override
    public DeviceReport canonical() {
        return new FillReport(reportId, signalId, tradeId, side, DeviceReport.canonical(price),
                DeviceReport.canonical(size), filledAt);
    }
}
