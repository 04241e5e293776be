package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A fill as a device reported it, with the fill id assigned when the report was received. {@code size} is lots;
 * {@code side} is null when the device did not send one.
 */
public record ReportedFill(UUID fillId, String tradeId, Side side, BigDecimal size, BigDecimal price,
        Instant filledAt, Instant receivedAt) {
}
