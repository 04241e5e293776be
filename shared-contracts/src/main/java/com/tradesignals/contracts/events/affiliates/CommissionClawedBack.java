package com.tradesignals.contracts.events.affiliates;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A paid commission of an affiliate ({@code user_id}) was clawed back because its fill was busted ({@code reason}):
 * the negative ledger entry {@code clawback_entry_id} of {@code -amount} lowers the available balance and is netted
 * by the next completed payout. {@code amount} is the commission's, positive.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CommissionClawedBack(
        UUID commissionId,
        UUID clawbackEntryId,
        UUID userId,
        UUID referredUserId,
        UUID fillId,
        int level,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String reason,
        Instant clawedBackAt) implements IntegrationEvent {
}
