package com.tradesignals.affiliate.ledger;

import java.time.Instant;

/** @param from inclusive, @param to exclusive; on the accrual time. Any may be null. */
public record HistoryFilter(EntryStatus status, Instant from, Instant to) {
}
