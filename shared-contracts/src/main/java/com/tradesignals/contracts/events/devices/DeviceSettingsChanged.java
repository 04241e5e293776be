package com.tradesignals.contracts.events.devices;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user changed how one of their devices trades: paused or not, its sizing ({@link DeviceSizing}: a lot multiplier
 * or fixed lots, and a maximum; all null = the signal's lots) and the only instruments it takes (null: every one).
 * The symbol mapping stays inside device-service. Carries no secret material.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeviceSettingsChanged(
        UUID deviceId,
        UUID userId,
        boolean isPaused,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lotMultiplier,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fixedLots,
        @Nullable @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal maxLots,
        @Nullable List<String> allowedInstruments,
        Instant changedAt) implements IntegrationEvent {

    public DeviceSizing sizing() {
        return new DeviceSizing(lotMultiplier, fixedLots, maxLots);
    }
}
