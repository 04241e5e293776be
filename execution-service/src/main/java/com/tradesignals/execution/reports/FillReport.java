package com.tradesignals.execution.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.execution.ledger.ReportType;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The broker filled (part of) the order: {@code trade_id} is the broker's ticket (the deal ticket), unique within the
 * execution. {@code size} is <b>lots</b>, as the terminal reports volume. Sizes and prices are positive decimals with
 * at most 12 integer digits and 8 decimals, sent as JSON strings. {@code side} is optional; when sent it must be the
 * signal's.
 */
@Schema(description = "The broker filled (part of) the order")
public record FillReport(
        @Schema(description = "Unique per device (FIX ExecID): the same report sent again gets the original answer; "
                + "another report under the same id is a conflict", examples = "r-7f3c2a")
        @NotNull @Pattern(regexp = DeviceReport.REPORT_ID_PATTERN) String reportId,
        @Schema(description = "The signal filled") @NotNull UUID signalId,
        @Schema(description = "The broker's ticket (deal ticket), unique within the execution", examples = "T-100231")
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String tradeId,
        // Left out of the stored canonical form when absent, so reports stored before it existed replay unchanged.
        @Schema(description = "Optional: when sent it must be the signal's side (otherwise the fill is held for "
                + "review)")
        @JsonInclude(JsonInclude.Include.NON_NULL) Side side,
        @Schema(description = "The fill price: positive, at most 12 integer digits and 8 decimals")
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 8) BigDecimal price,
        @Schema(description = "The filled size in lots: positive, at most 12 integer digits and 8 decimals")
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 8) BigDecimal size,
        @Schema(description = "When the broker filled it; at most the allowed skew later than the server's clock")
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
