package com.tradesignals.affiliate.commission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A fill of a referred user that the fee schedule could not price: its commissions were not guessed. Kept for
 * administrators, who settle what it was worth by hand (an adjustment).
 */
@Entity
@Table(name = "unpriced_fills")
public class UnpricedFill {

    @Id
    @Column(name = "fill_id")
    public UUID fillId;

    /** The trader. */
    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "trade_id", updatable = false)
    public String tradeId;

    @Column(updatable = false)
    public String instrument;

    /** Commissionable lots. */
    @Column(nullable = false, updatable = false)
    public BigDecimal lots;

    @Column(updatable = false)
    public BigDecimal price;

    /** {@link UnpricedReason#code()}. */
    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "filled_at", updatable = false)
    public Instant filledAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    /** Set when the fill was busted: it no longer needs pricing. */
    @Column(name = "busted_at")
    public Instant bustedAt;
}
