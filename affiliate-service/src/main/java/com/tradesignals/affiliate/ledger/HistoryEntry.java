package com.tradesignals.affiliate.ledger;

import com.tradesignals.affiliate.commission.Commission;
import com.tradesignals.affiliate.commission.CommissionBasis;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of an affiliate's statement. {@code amount} is negative for a clawback entry and a negative adjustment.
 * A commission carries its fill, level, tier, rate and fee base, and (from issue 12 on) what the fee base was
 * priced on: {@code instrument}, commissionable {@code lots}, {@code basis} and {@code basisValue} (the amount per
 * lot, or the rate on notional). An adjustment carries only its {@code reason}.
 */
@Schema(description = "One line of an affiliate's statement", requiredProperties = { "entry_id", "entry_type",
        "status", "amount", "currency", "accrued_at" })
public record HistoryEntry(
        @Schema(description = "The entry") UUID entryId,
        @Schema(description = "COMMISSION, CLAWBACK or ADJUSTMENT") Commission.EntryType entryType,
        @Schema(description = "Its status") EntryStatus status,
        @Schema(description = "Signed: negative for a clawback and a negative adjustment") BigDecimal amount,
        @Schema(description = "The programme's currency", examples = "USD") String currency,
        @Schema(description = "Commission: the referral level (1 = direct)", nullable = true) Integer level,
        @Schema(description = "Commission: the tier it was earned at", nullable = true) Integer tier,
        @Schema(description = "Commission: the level's rate", nullable = true) BigDecimal rate,
        @Schema(description = "Commission: the fee the rate applies to", nullable = true) BigDecimal feeBase,
        @Schema(description = "Commission and clawback: the fill", nullable = true) UUID fillId,
        @Schema(description = "The broker's ticket of the fill", nullable = true) String tradeId,
        @Schema(description = "The trader who earned it", nullable = true) UUID referredUserId,
        @Schema(description = "What the fee base was priced on", nullable = true) String instrument,
        @Schema(description = "Commissionable lots", nullable = true) BigDecimal lots,
        @Schema(description = "PER_LOT or NOTIONAL", nullable = true) CommissionBasis basis,
        @Schema(description = "The amount per lot, or the rate on notional", nullable = true) BigDecimal basisValue,
        @Schema(description = "Adjustment: the administrator's reason", nullable = true) String reason,
        @Schema(description = "When the entry was made") Instant accruedAt,
        @Schema(description = "When it becomes available for payout", nullable = true) Instant availableAt,
        @Schema(description = "When it was paid", nullable = true) Instant paidAt,
        @Schema(description = "When it was refunded or clawed back", nullable = true) Instant reversedAt,
        @Schema(description = "The payout that paid it", nullable = true) UUID payoutId) {

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
