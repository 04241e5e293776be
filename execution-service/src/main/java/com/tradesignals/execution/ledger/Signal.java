package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.SignalIssued;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A signal as signals.v1 issued it: what executions are reconciled against. {@code price} is the reference price,
 * null for a MARKET signal issued without one; {@code commissionableSize} the lots of the user's applied fills on this
 * signal that earn commission (changed under the signal row's lock).
 */
public record Signal(UUID signalId, UUID userId, String instrument, Side side, BigDecimal size, BigDecimal price,
        Instant issuedAt, Instant expiresAt, Instant receivedAt, BigDecimal commissionableSize) {

    public static Signal of(SignalIssued issued, Instant receivedAt) {
        return new Signal(issued.signalId(), issued.userId(), issued.instrument(), issued.side(), issued.size(),
                issued.price(), issued.issuedAt(), issued.expiresAt(), receivedAt, BigDecimal.ZERO);
    }

    public Signal withCommissionableSize(BigDecimal lots) {
        return new Signal(signalId, userId, instrument, side, size, price, issuedAt, expiresAt, receivedAt, lots);
    }
}
