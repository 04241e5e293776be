package com.tradesignals.device.signals;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.OrderType;
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

/** A signal as received from signals.v1: what its deliveries hand to the user's devices. */
@Entity
@Table(name = "signals")
public class Signal {

    @Id
    @Column(name = "signal_id")
    public UUID signalId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public String instrument;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;

    @Enumerated(EnumType.STRING)
    @Column(name = "order_type", nullable = false)
    public OrderType orderType;

    @Column(nullable = false)
    public BigDecimal size;

    public BigDecimal price;

    @Column(name = "stop_loss")
    public BigDecimal stopLoss;

    @Column(name = "take_profit")
    public BigDecimal takeProfit;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "is_awaiting_device", nullable = false)
    public boolean isAwaitingDevice;

    static Signal received(SignalIssued issued, Instant now) {
        Signal signal = new Signal();
        signal.signalId = issued.signalId();
        signal.userId = issued.userId();
        signal.instrument = issued.instrument();
        signal.side = issued.side();
        signal.orderType = issued.orderType();
        signal.size = issued.size();
        signal.price = issued.price();
        signal.stopLoss = issued.stopLoss();
        signal.takeProfit = issued.takeProfit();
        signal.issuedAt = issued.issuedAt();
        signal.expiresAt = issued.expiresAt();
        signal.receivedAt = now;
        return signal;
    }

    boolean hasExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
