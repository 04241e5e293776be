package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A fill a device reported for an execution, whatever became of it ({@link FillStatus}), as a value. {@code size} is
 * lots; {@code notional} is lots × price, exact (scale 16): the average price's numerator, not a notional in money;
 * {@code reportedSide} the side the device reported, if it sent one; {@code commissionableSize} the lots of it that
 * earn commission (all, some or none: the copies cap); {@code flagReason} why it was held, flagged or quarantined
 * (e.g. {@code price-out-of-band}, {@code overfill}).
 */
public record Fill(UUID fillId, UUID executionId, UUID signalId, UUID deviceId, UUID userId, String tradeId,
        BigDecimal size, BigDecimal price, BigDecimal notional, Side reportedSide, BigDecimal commissionableSize,
        Instant filledAt, Instant receivedAt, FillStatus status, String flagReason, Instant reviewedAt,
        UUID reviewedBy, String reviewReason, Instant bustedAt, String bustReason) {

    Fill withStatus(FillStatus newStatus, String reason) {
        return new Fill(fillId, executionId, signalId, deviceId, userId, tradeId, size, price, notional,
                reportedSide, commissionableSize, filledAt, receivedAt, newStatus, reason, reviewedAt, reviewedBy,
                reviewReason, bustedAt, bustReason);
    }

    Fill applied(BigDecimal lotsThatEarn) {
        return new Fill(fillId, executionId, signalId, deviceId, userId, tradeId, size, price, notional,
                reportedSide, lotsThatEarn, filledAt, receivedAt, FillStatus.APPLIED, flagReason, reviewedAt,
                reviewedBy, reviewReason, bustedAt, bustReason);
    }

    Fill busted(Instant at, String reason) {
        return new Fill(fillId, executionId, signalId, deviceId, userId, tradeId, size, price, notional,
                reportedSide, commissionableSize, filledAt, receivedAt, FillStatus.BUSTED, flagReason, reviewedAt,
                reviewedBy, reviewReason, at, reason);
    }

    /** This fill with an administrator's decision on it recorded. */
    public Fill reviewed(Instant at, UUID administrator, String reason) {
        return new Fill(fillId, executionId, signalId, deviceId, userId, tradeId, size, price, notional,
                reportedSide, commissionableSize, filledAt, receivedAt, status, flagReason, at, administrator, reason,
                bustedAt, bustReason);
    }
}
