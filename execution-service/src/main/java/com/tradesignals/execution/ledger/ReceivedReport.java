package com.tradesignals.execution.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A report as received, with the answer it was given (replayed verbatim to a retry of the same report).
 * {@code payload} is the report's canonical JSON, {@code payloadHash} its hex SHA-256; {@code reconciledAt} is when a
 * report that waited for its signal was applied or given up.
 */
public record ReceivedReport(UUID id, UUID deviceId, UUID userId, String reportId, ReportType reportType,
        UUID signalId, String payloadHash, String payload, UUID fillId, Outcome outcome, int responseStatus,
        String responseBody, Instant receivedAt, Instant reconciledAt) {
}
