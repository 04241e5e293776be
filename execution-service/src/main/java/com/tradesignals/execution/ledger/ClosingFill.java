package com.tradesignals.execution.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A closing deal a device reported for the position of an execution, as a value: {@code ticket} is the broker's deal
 * ticket, {@code lots} at {@code price}. {@code realizedPnl} is the platform's figure in the quote currency (null when
 * the instrument is not in the catalogue); {@code commission}, {@code swap}, {@code profit} are the terminal's, in the
 * account currency, when it sent them. APPLIED closes count (one far from the entry earns nothing:
 * {@code flagReason} price-out-of-band); QUARANTINED (more than is open) and FLAGGED (off the lot step) are kept aside.
 */
public record ClosingFill(UUID closingFillId, UUID executionId, UUID signalId, UUID deviceId, UUID userId,
        String ticket, BigDecimal lots, BigDecimal price, BigDecimal realizedPnl, BigDecimal commissionableSize,
        BigDecimal commission, BigDecimal swap, BigDecimal profit, Instant closedAt, Instant receivedAt,
        FillStatus status, String flagReason) {

    ClosingFill withStatus(FillStatus newStatus, String reason) {
        return new ClosingFill(closingFillId, executionId, signalId, deviceId, userId, ticket, lots, price, realizedPnl,
                commissionableSize, commission, swap, profit, closedAt, receivedAt, newStatus, reason);
    }

    ClosingFill applied(BigDecimal pnl, BigDecimal lotsThatEarn, String reason) {
        return new ClosingFill(closingFillId, executionId, signalId, deviceId, userId, ticket, lots, price, pnl,
                lotsThatEarn, commission, swap, profit, closedAt, receivedAt, FillStatus.APPLIED, reason);
    }
}
