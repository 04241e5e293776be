package com.tradesignals.execution.signals;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.SignalIssued;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A signal as signals.v1 issued it: what executions are reconciled against. */
@Entity
@Table(name = "signals")
public class Signal {

    @Id
    @Column(name = "signal_id")
    public UUID signalId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(nullable = false)
    public String instrument;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;

    @Column(nullable = false, precision = 20, scale = 8)
    public BigDecimal size;

    /** The reference price; null for a MARKET signal issued without one. */
    @Column(precision = 20, scale = 8)
    public BigDecimal price;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The lots of the user's applied fills on this signal that earn commission (changed under this row's lock). */
    @Column(name = "commissionable_size", nullable = false, precision = 20, scale = 8)
    public BigDecimal commissionableSize;

    public static Signal of(SignalIssued issued, Instant receivedAt) {
        Signal signal = new Signal();
        signal.signalId = issued.signalId();
        signal.userId = issued.userId();
        signal.instrument = issued.instrument();
        signal.side = issued.side();
        signal.size = issued.size();
        signal.price = issued.price();
        signal.issuedAt = issued.issuedAt();
        signal.expiresAt = issued.expiresAt();
        signal.receivedAt = receivedAt;
        signal.commissionableSize = BigDecimal.ZERO;
        return signal;
    }
}
