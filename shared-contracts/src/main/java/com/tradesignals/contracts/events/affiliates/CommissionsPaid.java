package com.tradesignals.contracts.events.affiliates;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A completed payout ({@code payout_id}) of an affiliate ({@code user_id}) settled ledger entries: one event per
 * payout that settled any. {@code paid_entry_ids} are the commissions and positive adjustments now {@code PAID}
 * (together {@code paid_amount}); {@code netted_entry_ids} the clawback entries and negative adjustments now
 * {@code SETTLED} (together {@code netted_amount}, 0 or less). Entries are settled oldest first and only when
 * covered in full, so a payout may settle entries that earlier payouts' money covers, or none.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CommissionsPaid(
        UUID payoutId,
        UUID userId,
        List<UUID> paidEntryIds,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paidAmount,
        List<UUID> nettedEntryIds,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal nettedAmount,
        String currency,
        Instant paidAt) implements IntegrationEvent {
}
