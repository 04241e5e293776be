package com.tradesignals.execution.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tradesignals.execution.ledger.ReportType;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The terminal set the stop loss and take profit a modify delivery asked for; absent means none. */
@Schema(description = "The new stop loss / take profit are set with the broker")
public record ModifiedReport(
        @Schema(description = "Unique per device (FIX ExecID): the same report sent again gets the original answer; "
                + "another report under the same id is a conflict", examples = "r-7f3c2a")
        @NotNull @Pattern(regexp = DeviceReport.REPORT_ID_PATTERN) String reportId,
        @Schema(description = "The signal whose trade was modified") @NotNull UUID signalId,
        @Schema(description = "The stop loss now set; absent: none", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 8) BigDecimal stopLoss,
        @Schema(description = "The take profit now set; absent: none", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 8) BigDecimal takeProfit)
        implements DeviceReport {

    @Override
    public ReportType type() {
        return ReportType.MODIFIED;
    }

    @Override
    public DeviceReport canonical() {
        return new ModifiedReport(reportId, signalId, stopLoss == null ? null : DeviceReport.canonical(stopLoss),
                takeProfit == null ? null : DeviceReport.canonical(takeProfit));
    }
}
