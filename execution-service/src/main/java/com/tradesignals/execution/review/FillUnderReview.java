package com.tradesignals.execution.review;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.execution.ledger.Fill;
import com.tradesignals.execution.ledger.FillStatus;
import com.tradesignals.execution.ledger.Signal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A fill as the review queue shows it: what was reported beside what the signal asked for. {@code reason} says why it
 * waits: {@code price-out-of-band}, {@code side-mismatch}, {@code off-lot-step}, {@code overfill},
 * {@code after-rejected}, {@code after-expired} or {@code no-reference-price}. Sizes are lots.
 */
@Schema(description = "A fill awaiting review: what was reported beside what the signal asked for",
        requiredProperties = { "fill_id", "signal_id", "execution_id", "user_id", "device_id", "trade_id", "status",
                "reason", "instrument", "signal_side", "signal_size", "size", "price", "filled_at", "received_at" })
public record FillUnderReview(
        @Schema(description = "The fill") UUID fillId,
        @Schema(description = "Its signal") UUID signalId,
        @Schema(description = "Its execution") UUID executionId,
        @Schema(description = "The trader") UUID userId,
        @Schema(description = "The reporting device") UUID deviceId,
        @Schema(description = "The broker's ticket") String tradeId,
        @Schema(description = "HELD, QUARANTINED or FLAGGED") FillStatus status,
        @Schema(description = "Why it waits: price-out-of-band, side-mismatch, off-lot-step, overfill, "
                + "after-rejected, after-expired or no-reference-price", examples = "price-out-of-band")
        String reason,
        @Schema(description = "The signal's instrument", examples = "EURUSD") String instrument,
        @Schema(description = "The signal's side") Side signalSide,
        @Schema(description = "The side the device reported, if any", nullable = true) Side reportedSide,
        @Schema(description = "The signal's size in lots") BigDecimal signalSize,
        @Schema(description = "The signal's reference price; null when it had none", nullable = true)
        BigDecimal signalPrice,
        @Schema(description = "The reported size in lots") BigDecimal size,
        @Schema(description = "The reported price") BigDecimal price,
        @Schema(description = "When the broker filled it") Instant filledAt,
        @Schema(description = "When the report arrived") Instant receivedAt) {

    static FillUnderReview of(Fill fill, Signal signal) {
        return new FillUnderReview(fill.fillId(), fill.signalId(), fill.executionId(), fill.userId(), fill.deviceId(),
                fill.tradeId(), fill.status(), fill.flagReason(), signal.instrument(), signal.side(),
                fill.reportedSide(), signal.size(), signal.price(), fill.size(), fill.price(), fill.filledAt(),
                fill.receivedAt());
    }
}
