package com.tradesignals.execution.ledger;

/** What a device reported: an acknowledgement, a fill or an error. */
public enum ReportType {
    ACK,
    FILL,
    ERROR
}
