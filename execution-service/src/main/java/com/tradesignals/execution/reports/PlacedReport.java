package com.tradesignals.execution.reports;

import com.tradesignals.execution.ledger.ReportType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The signal's pending (LIMIT or STOP) order rests with the broker under {@code broker_order_id}. */
@Schema(description = "The pending order was placed with the broker")
public record PlacedReport(
        @Schema(description = "Unique per device (FIX ExecID): the same report sent again gets the original answer; "
                + "another report under the same id is a conflict", examples = "r-7f3c2a")
        @NotNull @Pattern(regexp = DeviceReport.REPORT_ID_PATTERN) String reportId,
        @Schema(description = "The signal whose order was placed") @NotNull UUID signalId,
        @Schema(description = "The broker's order ticket", examples = "58210047")
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String brokerOrderId) implements DeviceReport {

    @Override
    public ReportType type() {
        return ReportType.PLACED;
    }

    @Override
    public DeviceReport canonical() {
        return this;
    }
}
