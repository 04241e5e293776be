package com.tradesignals.execution.review;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.execution.ledger.Fill;
import com.tradesignals.execution.ledger.FillStatus;
import com.tradesignals.execution.signals.Signal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A fill as the review queue shows it: what was reported beside what the signal asked for. {@code reason} says why it
 * waits: {@code price-out-of-band}, {@code side-mismatch}, {@code off-lot-step}, {@code overfill},
 * {@code after-rejected}, {@code after-expired} or {@code no-reference-price}. Sizes are lots.
 */
public record FillUnderReview(
        UUID fillId,
        UUID signalId,
        UUID executionId,
        UUID userId,
        UUID deviceId,
        String tradeId,
        FillStatus status,
        String reason,
        String instrument,
        Side signalSide,
        Side reportedSide,
        BigDecimal signalSize,
        BigDecimal signalPrice,
        BigDecimal size,
        BigDecimal price,
        Instant filledAt,
        Instant receivedAt) {

    static FillUnderReview of(Fill fill, Signal signal) {
        return new FillUnderReview(fill.fillId, fill.signalId, fill.executionId, fill.userId, fill.deviceId,
                fill.tradeId, fill.status, fill.flagReason, signal.instrument, signal.side, fill.reportedSide,
                signal.size, signal.price, fill.size, fill.price, fill.filledAt, fill.receivedAt);
    }
}
