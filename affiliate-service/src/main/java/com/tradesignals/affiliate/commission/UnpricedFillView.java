package com.tradesignals.affiliate.commission;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An unpriced fill as administrators list it. {@code userId} is the trader. */
public record UnpricedFillView(UUID fillId, UUID userId, String tradeId, String instrument, BigDecimal lots,
        BigDecimal price, String reason, Instant filledAt, Instant recordedAt, Instant bustedAt) {

    static UnpricedFillView of(UnpricedFill fill) {
        return new UnpricedFillView(fill.fillId, fill.userId, fill.tradeId, fill.instrument, fill.lots, fill.price,
                fill.reason, fill.filledAt, fill.recordedAt, fill.bustedAt);
    }
}
