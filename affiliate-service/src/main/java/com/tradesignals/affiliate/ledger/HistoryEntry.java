package com.tradesignals.affiliate.ledger;

import com.tradesignals.affiliate.commission.Commission;
import com.tradesignals.affiliate.commission.CommissionBasis;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of an affiliate's statement. {@code amount} is negative for a clawback entry and a negative adjustment.
 * A commission carries its fill, level, tier, rate and fee base, and (from issue 12 on) what the fee base was
 * priced on: {@code instrument}, commissionable {@code lots}, {@code basis} and {@code basisValue} (the amount per
 * lot, or the rate on notional). An adjustment carries only its {@code reason}.
 */
public record HistoryEntry(UUID entryId, Commission.EntryType entryType, EntryStatus status, BigDecimal amount,
        String currency, Integer level, Integer tier, BigDecimal rate, BigDecimal feeBase, UUID fillId, String tradeId,
        UUID referredUserId, String instrument, BigDecimal lots, CommissionBasis basis, BigDecimal basisValue,
        String reason, Instant accruedAt, Instant availableAt, Instant paidAt, Instant reversedAt, UUID payoutId) {

    /** @param maturedBy the affiliate's {@code maturedBy(now)}: an accrued entry available after it is held */
    public static HistoryEntry of(Commission entry, Instant maturedBy) {
        return new HistoryEntry(entry.id, entry.entryType, statusOf(entry, maturedBy), entry.amount, entry.currency,
                entry.level, entry.tier, entry.rate, entry.feeBase, entry.fillId, entry.tradeId, entry.referredUserId,
                entry.instrument, entry.lots, entry.basis, entry.basisValue, entry.reason, entry.createdAt,
                entry.availableAt, entry.paidAt, entry.reversedAt, entry.payoutId);
    }

    static EntryStatus statusOf(Commission entry, Instant maturedBy) {
        return switch (entry.status) {
            case ACCRUED -> entry.availableAt.isAfter(maturedBy) ? EntryStatus.HELD : EntryStatus.AVAILABLE;
            case PAID -> EntryStatus.PAID;
            case REFUNDED -> EntryStatus.REFUNDED;
            case CLAWED_BACK -> EntryStatus.CLAWED_BACK;
            case OUTSTANDING -> EntryStatus.OUTSTANDING;
            case SETTLED -> EntryStatus.SETTLED;
        };
    }
}
