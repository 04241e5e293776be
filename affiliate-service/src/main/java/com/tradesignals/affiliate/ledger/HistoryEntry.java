package com.tradesignals.affiliate.ledger;

import com.tradesignals.affiliate.commission.Commission;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One line of an affiliate's statement. {@code amount} is negative for a clawback entry. */
public record HistoryEntry(UUID entryId, Commission.EntryType entryType, EntryStatus status, BigDecimal amount,
        String currency, int level, int tier, BigDecimal rate, BigDecimal feeBase, UUID fillId, String tradeId,
        UUID referredUserId, Instant accruedAt, Instant availableAt, Instant paidAt, Instant reversedAt,
        UUID payoutId) {

    static HistoryEntry of(Commission entry, Instant now) {
        return new HistoryEntry(entry.id, entry.entryType, statusOf(entry, now), entry.amount, entry.currency,
                entry.level, entry.tier, entry.rate, entry.feeBase, entry.fillId, entry.tradeId, entry.referredUserId,
                entry.createdAt, entry.availableAt, entry.paidAt, entry.reversedAt, entry.payoutId);
    }

    static EntryStatus statusOf(Commission entry, Instant now) {
        return switch (entry.status) {
            case ACCRUED -> entry.availableAt.isAfter(now) ? EntryStatus.HELD : EntryStatus.AVAILABLE;
            case PAID -> EntryStatus.PAID;
            case REFUNDED -> EntryStatus.REFUNDED;
            case CLAWED_BACK -> EntryStatus.CLAWED_BACK;
            case OUTSTANDING -> EntryStatus.OUTSTANDING;
            case SETTLED -> EntryStatus.SETTLED;
        };
    }
}
