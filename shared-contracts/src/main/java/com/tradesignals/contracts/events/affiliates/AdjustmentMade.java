package com.tradesignals.contracts.events.affiliates;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An administrator ({@code made_by}) adjusted an affiliate's ({@code user_id}) ledger by hand: ledger entry
 * {@code entry_id} of {@code amount} (signed; positive is available at once, negative lowers the available balance
 * and is netted by the next completed payout).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AdjustmentMade(
        UUID entryId,
        UUID userId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String reason,
        UUID madeBy,
        Instant madeAt) implements IntegrationEvent {
}
