package com.tradesignals.execution.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A fill as a device reported it, with the fill id assigned when the report was received. */
public record ReportedFill(UUID fillId, String tradeId, BigDecimal size, BigDecimal price, Instant filledAt,
        Instant receivedAt) {
}
