package com.tradesignals.execution.reports;

import com.tradesignals.execution.ledger.ReportType;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A report a device sends about one signal. {@code report_id} is unique per device (FIX's ExecID): sending the
 * same report again is answered with the original answer; another report under the same id is a conflict.
 */
public sealed interface DeviceReport permits AckReport, FillReport, ErrorReport, PlacedReport, CancelledReport,
        ModifiedReport, CloseFillReport {

    String REPORT_ID_PATTERN = "[A-Za-z0-9._:-]{1,64}";

    String reportId();

    UUID signalId();

    ReportType type();

    /** The same report with equal values written one way (e.g. "1.50" and "1.5"): what its hash is taken of. */
    DeviceReport canonical();

    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
