package com.tradesignals.execution.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * The broker closed (part of) the position a signal opened: the closing deal's {@code ticket}, {@code lots} at
 * {@code price}, and, when the terminal sends them, the deal's commission, swap and profit in the account currency
 * (MetaTrader's DEAL_COMMISSION, DEAL_SWAP, DEAL_PROFIT; negative for a cost or a loss).
 */
@Schema(description = "A closing deal of the position a signal opened")
public record CloseFillReport(
        @Schema(description = "Unique per device (FIX ExecID): the same report sent again gets the original answer; "
                + "another report under the same id is a conflict", examples = "r-7f3c2a")
        @NotNull @Pattern(regexp = DeviceReport.REPORT_ID_PATTERN) String reportId,
        @Schema(description = "The signal whose position was closed") @NotNull UUID signalId,
        @Schema(description = "The closing deal's ticket, unique within the execution", examples = "D-7781")
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String ticket,
        @Schema(description = "The lots closed: positive, at most 12 integer digits and 8 decimals")
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 8) BigDecimal lots,
        @Schema(description = "The closing price: positive, at most 12 integer digits and 8 decimals")
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 8) BigDecimal price,
        @Schema(description = "When the broker closed it; at most the allowed skew later than the server's clock")
        @NotNull Instant closedAt,
        @Schema(description = "Optional: the deal's commission in the account currency", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) @Digits(integer = 12, fraction = 8) BigDecimal commission,
        @Schema(description = "Optional: the swap in the account currency", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) @Digits(integer = 12, fraction = 8) BigDecimal swap,
        @Schema(description = "Optional: the deal's profit in the account currency", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) @Digits(integer = 12, fraction = 8) BigDecimal profit)
        implements DeviceReport {

    @Override
    public ReportType type() {
        return ReportType.CLOSE_FILL;
    }

    @Override
    public DeviceReport canonical() {
        return new CloseFillReport(reportId, signalId, ticket, DeviceReport.canonical(lots),
                DeviceReport.canonical(price), closedAt, canonicalOrNull(commission), canonicalOrNull(swap),
                canonicalOrNull(profit));
    }

    private static BigDecimal canonicalOrNull(BigDecimal value) {
        return value == null ? null : DeviceReport.canonical(value);
    }
}
