package com.tradesignals.execution.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A fill a device reported for an execution, whatever became of it ({@link FillStatus}). */
@Entity
@Table(name = "fills")
public class Fill {

    @Id
    @Column(name = "fill_id")
    public UUID fillId;

    @Column(name = "execution_id", nullable = false, updatable = false)
    public UUID executionId;

    @Column(name = "signal_id", nullable = false, updatable = false)
    public UUID signalId;

    @Column(name = "device_id", nullable = false, updatable = false)
    public UUID deviceId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "trade_id", nullable = false, updatable = false)
    public String tradeId;

    @Column(nullable = false, updatable = false, precision = 20, scale = 8)
    public BigDecimal size;

    @Column(nullable = false, updatable = false, precision = 20, scale = 8)
    public BigDecimal price;

    /** size × price, exact (scale 16). */
    @Column(nullable = false, updatable = false, precision = 38, scale = 16)
    public BigDecimal notional;

    @Column(name = "filled_at", nullable = false, updatable = false)
    public Instant filledAt;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FillStatus status;

    @Column(name = "flag_reason")
    public String flagReason;

    @Column(name = "busted_at")
    public Instant bustedAt;

    @Column(name = "bust_reason")
    public String bustReason;
}
