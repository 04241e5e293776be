package com.tradesignals.execution.ledger;

/** What a device reported (docs/execution-service.md, "Reports"). */
public enum ReportType {
    ACK,
    FILL,
    ERROR,
    PLACED,
    CANCELLED,
    MODIFIED,
    CLOSE_FILL,
    POSITIONS
}
