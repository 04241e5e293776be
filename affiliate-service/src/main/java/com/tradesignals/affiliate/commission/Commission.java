package com.tradesignals.affiliate.commission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One ledger entry of an affiliate ({@code referrerId}, the beneficiary): a commission from a fill of a user
 * below them in the tree, the negative clawback entry left when a paid commission's fill was busted, or an
 * administrator's adjustment (no fill, no level; a reason).
 */
@Entity
@Table(name = "commissions")
public class Commission {

    public enum EntryType { COMMISSION, CLAWBACK, ADJUSTMENT }

    /**
     * COMMISSION: ACCRUED, PAID, REFUNDED, CLAWED_BACK. CLAWBACK: OUTSTANDING, SETTLED. ADJUSTMENT: positive as
     * a commission (ACCRUED, PAID), negative as a clawback (OUTSTANDING, SETTLED).
     */
    public enum Status { ACCRUED, PAID, REFUNDED, CLAWED_BACK, OUTSTANDING, SETTLED }

    @Id
    public UUID id;

    @Column(name = "referrer_id", nullable = false, updatable = false)
    public UUID referrerId;

    /** Null on an adjustment. */
    @Column(name = "referred_user_id", updatable = false)
    public UUID referredUserId;

    /** Null on an adjustment. */
    @Column(name = "fill_id", updatable = false)
    public UUID fillId;

    @Column(name = "trade_id", updatable = false)
    public String tradeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, updatable = false)
    public EntryType entryType;

    /** Level, tier, rate and fee base: null on an adjustment. */
    @Column(updatable = false)
    public Integer level;

    @Column(updatable = false)
    public Integer tier;

    @Column(updatable = false)
    public BigDecimal rate;

    @Column(name = "fee_base", updatable = false)
    public BigDecimal feeBase;

    /** What the fee base was priced on (null before issue 12 and on adjustments): the fill's instrument... */
    @Column(updatable = false)
    public String instrument;

    /** ...its commissionable lots... */
    @Column(updatable = false)
    public BigDecimal lots;

    /** ...and the fee schedule's entry: per lot, or a rate on notional, of {@code basisValue}. */
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public CommissionBasis basis;

    @Column(name = "basis_value", updatable = false)
    public BigDecimal basisValue;

    /** Why an administrator made an adjustment. */
    @Column(updatable = false)
    public String reason;

    @Column(nullable = false, updatable = false)
    public BigDecimal amount;

    @Column(nullable = false, updatable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "available_at", nullable = false, updatable = false)
    public Instant availableAt;

    /** The order entries were written in, by the database: a batch's entries share their times. */
    @Column(name = "accrual_order", insertable = false, updatable = false)
    public Long accrualOrder;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "reversed_at")
    public Instant reversedAt;

    @Column(name = "payout_id")
    public UUID payoutId;

    /** The clawback entry for this paid commission: the same fill, beneficiary and level, negated. */
    Commission clawbackEntry(Instant now) {
        Commission clawback = new Commission();
        clawback.id = UUID.randomUUID();
        clawback.referrerId = referrerId;
        clawback.referredUserId = referredUserId;
        clawback.fillId = fillId;
        clawback.tradeId = tradeId;
        clawback.entryType = EntryType.CLAWBACK;
        clawback.level = level;
        clawback.tier = tier;
        clawback.rate = rate;
        clawback.feeBase = feeBase;
        clawback.instrument = instrument;
        clawback.lots = lots;
        clawback.basis = basis;
        clawback.basisValue = basisValue;
        clawback.amount = amount.negate();
        clawback.currency = currency;
        clawback.status = Status.OUTSTANDING;
        clawback.createdAt = now;
        clawback.availableAt = now;
        return clawback;
    }

    /**
     * An administrator's entry: positive is available at once (and paid like a commission), negative lowers the
     * available balance until a payout nets it (like a clawback).
     */
    public static Commission adjustment(UUID referrerId, BigDecimal amount, String currency, String reason,
            Instant now) {
        Commission adjustment = new Commission();
        adjustment.id = UUID.randomUUID();
        adjustment.referrerId = referrerId;
        adjustment.entryType = EntryType.ADJUSTMENT;
        adjustment.amount = amount;
        adjustment.currency = currency;
        adjustment.reason = reason;
        adjustment.status = amount.signum() > 0 ? Status.ACCRUED : Status.OUTSTANDING;
        adjustment.createdAt = now;
        adjustment.availableAt = now;
        return adjustment;
    }

    /** Settled by a completed payout: a positive entry is paid, a negative one netted. */
    public void settle(UUID payout, Instant now) {
        status = amount.signum() > 0 ? Status.PAID : Status.SETTLED;
        payoutId = payout;
        paidAt = now;
    }
}
