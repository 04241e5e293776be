package com.tradesignals.execution.reports;

import com.tradesignals.execution.ledger.Outcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A report as received, with the answer it was given (replayed verbatim to a retry of the same report). */
@Entity
@Table(name = "execution_reports")
public class ReceivedReport {

    @Id
    public UUID id;

    @Column(name = "device_id", nullable = false, updatable = false)
    public UUID deviceId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "report_id", nullable = false, updatable = false)
    public String reportId;

    @Enumerated(EnumType.STRING)
    @Column(name = "report_type", nullable = false, updatable = false)
    public ReportType reportType;

    @Column(name = "signal_id", nullable = false, updatable = false)
    public UUID signalId;

    /** Hex SHA-256 of {@link #payload}. */
    @Column(name = "payload_hash", nullable = false, updatable = false)
    public String payloadHash;

    /** The canonical JSON of the report. */
    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(name = "fill_id", updatable = false)
    public UUID fillId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "response_status", nullable = false, updatable = false)
    public int responseStatus;

    @Column(name = "response_body", nullable = false, updatable = false)
    public String responseBody;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    @Column(name = "reconciled_at")
    public Instant reconciledAt;
}
