package com.tradesignals.contracts.events.affiliates;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A commission was accrued to an affiliate ({@code user_id}, the beneficiary) from a fill of a user they
 * referred, directly ({@code level} 1) or further down the tree. {@code rate} and {@code tier} are the ones
 * applied; the amount becomes available after the holding period, at {@code available_at}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CommissionAccrued(
        UUID commissionId,
        UUID userId,
        UUID referredUserId,
        UUID fillId,
        int level,
        int tier,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        Instant availableAt,
        Instant accruedAt) implements IntegrationEvent {
}
