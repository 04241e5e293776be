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
 * below them in the tree, or the negative clawback entry left when a paid commission's fill was busted.
 */
@Entity
@Table(name = "commissions")
public class Commission {

    public enum EntryType { COMMISSION, CLAWBACK }

    /** COMMISSION: ACCRUED, PAID, REFUNDED, CLAWED_BACK. CLAWBACK: OUTSTANDING, SETTLED. */
    public enum Status { ACCRUED, PAID, REFUNDED, CLAWED_BACK, OUTSTANDING, SETTLED }

    @Id
    public UUID id;

    @Column(name = "referrer_id", nullable = false, updatable = false)
    public UUID referrerId;

    @Column(name = "referred_user_id", nullable = false, updatable = false)
    public UUID referredUserId;

    @Column(name = "fill_id", nullable = false, updatable = false)
    public UUID fillId;

    @Column(name = "trade_id", updatable = false)
    public String tradeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, updatable = false)
    public EntryType entryType;

    @Column(nullable = false, updatable = false)
    public int level;

    @Column(nullable = false, updatable = false)
    public int tier;

    @Column(nullable = false, updatable = false)
    public BigDecimal rate;

    @Column(name = "fee_base", nullable = false, updatable = false)
    public BigDecimal feeBase;

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
        clawback.amount = amount.negate();
        clawback.currency = currency;
        clawback.status = Status.OUTSTANDING;
        clawback.createdAt = now;
        clawback.availableAt = now;
        return clawback;
    }

    /** Settled by a completed payout: a commission is paid, a clawback entry netted. */
    public void settle(UUID payout, Instant now) {
        status = entryType == EntryType.COMMISSION ? Status.PAID : Status.SETTLED;
        payoutId = payout;
        paidAt = now;
    }
}
