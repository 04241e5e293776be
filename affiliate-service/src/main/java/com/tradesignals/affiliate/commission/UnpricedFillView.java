package com.tradesignals.affiliate.commission;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An unpriced fill as administrators list it. {@code userId} is the trader. */
@Schema(description = "A fill the fee schedule could not price", requiredProperties = {
        "fill_id", "user_id", "trade_id", "instrument", "lots", "reason", "filled_at", "recorded_at" })
public record UnpricedFillView(
        @Schema(description = "The fill") UUID fillId,
        @Schema(description = "The trader") UUID userId,
        @Schema(description = "The broker's ticket") String tradeId,
        @Schema(description = "The instrument", examples = "GER40.cash") String instrument,
        @Schema(description = "Lots") BigDecimal lots,
        @Schema(description = "The fill price", nullable = true) BigDecimal price,
        @Schema(description = "unknown-instrument, no-schedule-entry, foreign-quote-currency or invalid-price",
                examples = "unknown-instrument")
        String reason,
        @Schema(description = "When it was filled") Instant filledAt,
        @Schema(description = "When affiliate-service recorded it") Instant recordedAt,
        @Schema(description = "When it was busted", nullable = true) Instant bustedAt) {

    static UnpricedFillView of(UnpricedFill fill) {
        return new UnpricedFillView(fill.fillId, fill.userId, fill.tradeId, fill.instrument, fill.lots, fill.price,
                fill.reason, fill.filledAt, fill.recordedAt, fill.bustedAt);
    }
}
