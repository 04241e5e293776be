package com.tradesignals.affiliate.payout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payout of commission to an affiliate: PENDING → PROCESSING → COMPLETED or FAILED. */
@Entity
@Table(name = "commission_payouts")
public class Payout {

    public enum Status { PENDING, PROCESSING, COMPLETED, FAILED }

    @Id
    public UUID id;

    @Column(name = "referrer_id", nullable = false, updatable = false)
    public UUID referrerId;

    @Column(nullable = false, updatable = false)
    public BigDecimal amount;

    @Column(nullable = false, updatable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "failure_reason")
    public String failureReason;

    /** The provider's reference for the transfer. */
    @Column
    public String reference;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "processing_started_at")
    public Instant processingStartedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    static Payout request(UUID referrerId, BigDecimal amount, String currency, String idempotencyKey, Instant now) {
        Payout payout = new Payout();
        payout.id = UUID.randomUUID();
        payout.referrerId = referrerId;
        payout.amount = amount;
        payout.currency = currency;
        payout.status = Status.PENDING;
        payout.idempotencyKey = idempotencyKey;
        payout.createdAt = now;
        payout.updatedAt = now;
        return payout;
    }
}
