package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.OrderType;
import com.tradesignals.contracts.events.signals.SignalIssued;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A signal as signals.v1 issued it and later events changed it: what executions are reconciled against.
 * {@code price} is the reference price (a pending order's price as last modified), null for a MARKET signal issued
 * without one; {@code cancelledAt} is set once it was withdrawn. {@code commissionableSize} is the lots of the user's
 * applied fills on this signal that earn commission, {@code closingCommissionableSize} those of its applied closing
 * fills (at most the former); both change under the signal row's lock.
 */
public record Signal(UUID signalId, UUID userId, String instrument, Side side, OrderType orderType, BigDecimal size,
        BigDecimal price, BigDecimal stopLoss, BigDecimal takeProfit, Instant issuedAt, Instant expiresAt,
        Instant receivedAt, Instant cancelledAt, BigDecimal commissionableSize, BigDecimal closingCommissionableSize) {

    public static Signal of(SignalIssued issued, Instant receivedAt) {
        return new Signal(issued.signalId(), issued.userId(), issued.instrument(), issued.side(),
                issued.orderType() == null ? OrderType.MARKET : issued.orderType(), issued.size(), issued.price(),
                issued.stopLoss(), issued.takeProfit(), issued.issuedAt(), issued.expiresAt(), receivedAt, null,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public Signal withCommissionableSize(BigDecimal lots) {
        return new Signal(signalId, userId, instrument, side, orderType, size, price, stopLoss, takeProfit, issuedAt,
                expiresAt, receivedAt, cancelledAt, lots, closingCommissionableSize);
    }

    public Signal withClosingCommissionableSize(BigDecimal lots) {
        return new Signal(signalId, userId, instrument, side, orderType, size, price, stopLoss, takeProfit, issuedAt,
                expiresAt, receivedAt, cancelledAt, commissionableSize, lots);
    }
}
