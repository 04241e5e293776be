package com.tradesignals.contracts.events.affiliates;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A commission of an affiliate ({@code user_id}, the beneficiary) was taken back before it was paid, because its
 * fill was busted ({@code reason}): it leaves the affiliate's earnings as if never accrued.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CommissionRefunded(
        UUID commissionId,
        UUID userId,
        UUID referredUserId,
        UUID fillId,
        int level,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String reason,
        Instant refundedAt) implements IntegrationEvent {
}
