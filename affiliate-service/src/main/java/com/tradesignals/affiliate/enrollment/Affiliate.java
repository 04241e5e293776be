package com.tradesignals.affiliate.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A user in the programme, with the running totals of their ledger. Every change of a total goes through
 * one of the methods below, each keeping {@code earned = pending + reserved + paid - clawed back} (also a
 * database check), and happens under a lock on this row.
 */
@Entity
@Table(name = "affiliates")
public class Affiliate {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "referral_token", nullable = false, updatable = false)
    public String referralToken;

    @Column(name = "commission_tier", nullable = false)
    public int commissionTier;

    @Column(name = "activated_referrals", nullable = false)
    public int activatedReferrals;

    /** Earned: accrued and not refunded. */
    @Column(name = "total_commission", nullable = false)
    public BigDecimal totalCommission;

    /** Held + available: owed, not yet in a payout, net of clawbacks. */
    @Column(name = "pending_commission", nullable = false)
    public BigDecimal pendingCommission;

    @Column(name = "reserved_commission", nullable = false)
    public BigDecimal reservedCommission;

    @Column(name = "paid_commission", nullable = false)
    public BigDecimal paidCommission;

    /** The sum of the (negative) clawback entries. */
    @Column(name = "clawed_back_commission", nullable = false)
    public BigDecimal clawedBackCommission;

    /** Set while an administrator has suspended the affiliate: no payouts, and accruals stay held. */
    @Column(name = "suspended_at")
    public Instant suspendedAt;

    @Column(name = "suspension_reason")
    public String suspensionReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isSuspended() {
        return suspendedAt != null;
    }

    /**
     * The instant up to which this affiliate's commissions have matured: now, or while suspended the start of the
     * suspension, so that whatever was still held then (or accrued since) stays held until it is lifted (decision
     * 0307). An entry is held while its {@code available_at} is after this instant.
     */
    public Instant maturedBy(Instant now) {
        return suspendedAt != null && suspendedAt.isBefore(now) ? suspendedAt : now;
    }

    public void suspend(String reason, Instant now) {
        suspendedAt = now;
        suspensionReason = reason;
        updatedAt = now;
    }

    public void unsuspend(Instant now) {
        suspendedAt = null;
        suspensionReason = null;
        updatedAt = now;
    }

    public void accrue(BigDecimal amount, Instant now) {
        totalCommission = totalCommission.add(amount);
        pendingCommission = pendingCommission.add(amount);
        updatedAt = now;
    }

    /** An unpaid commission is taken back: it was never earned. */
    public void refund(BigDecimal amount, Instant now) {
        totalCommission = totalCommission.subtract(amount);
        pendingCommission = pendingCommission.subtract(amount);
        updatedAt = now;
    }

    /** A paid commission is taken back: a negative entry, netted against what is owed next. */
    public void clawBack(BigDecimal amount, Instant now) {
        clawedBackCommission = clawedBackCommission.subtract(amount);
        pendingCommission = pendingCommission.subtract(amount);
        updatedAt = now;
    }

    /**
     * An administrator's adjustment, signed: it changes what was earned and what is owed alike (a negative one can
     * take the available balance below zero, as a clawback does).
     */
    public void adjust(BigDecimal amount, Instant now) {
        totalCommission = totalCommission.add(amount);
        pendingCommission = pendingCommission.add(amount);
        updatedAt = now;
    }

    public void reserve(BigDecimal amount, Instant now) {
        pendingCommission = pendingCommission.subtract(amount);
        reservedCommission = reservedCommission.add(amount);
        updatedAt = now;
    }

    /** A payout failed: its funds are owed again. */
    public void release(BigDecimal amount, Instant now) {
        reservedCommission = reservedCommission.subtract(amount);
        pendingCommission = pendingCommission.add(amount);
        updatedAt = now;
    }

    public void markPaid(BigDecimal amount, Instant now) {
        reservedCommission = reservedCommission.subtract(amount);
        paidCommission = paidCommission.add(amount);
        updatedAt = now;
    }
}
