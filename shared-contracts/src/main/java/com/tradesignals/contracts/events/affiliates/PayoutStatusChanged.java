package com.tradesignals.contracts.events.affiliates;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payout moved to a new status: {@code PENDING}, {@code PROCESSING}, {@code COMPLETED} or {@code FAILED}
 * (with a reason). {@code user_id} is the affiliate being paid.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PayoutStatusChanged(
        UUID payoutId,
        UUID userId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String status,
        @Nullable String previousStatus,
        @Nullable String failureReason,
        Instant occurredAt) implements IntegrationEvent {
}
