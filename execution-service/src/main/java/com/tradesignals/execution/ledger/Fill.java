package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.Side;
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

    /** lots × price, exact (scale 16): the average price's numerator, not a notional in money. */
    @Column(nullable = false, updatable = false, precision = 38, scale = 16)
    public BigDecimal notional;

    /** The side the device reported, if it sent one. */
    @Enumerated(EnumType.STRING)
    @Column(name = "reported_side", updatable = false)
    public Side reportedSide;

    /** The lots of this fill that earn commission: all, some or none of {@link #size} (the copies cap). */
    @Column(name = "commissionable_size", nullable = false, precision = 20, scale = 8)
    public BigDecimal commissionableSize;

    @Column(name = "filled_at", nullable = false, updatable = false)
    public Instant filledAt;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FillStatus status;

    /** Why it was held, flagged or quarantined: e.g. {@code price-out-of-band}, {@code overfill}. */
    @Column(name = "flag_reason")
    public String flagReason;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "reviewed_by")
    public UUID reviewedBy;

    @Column(name = "review_reason")
    public String reviewReason;

    @Column(name = "busted_at")
    public Instant bustedAt;

    @Column(name = "bust_reason")
    public String bustReason;
}
