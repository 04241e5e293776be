package com.tradesignals.device.settings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a device trades: what its deliveries carry (docs/device-service.md, "Per-device settings"). */
@Schema(description = "How a device trades; decimals are strings", requiredProperties = { "device_id", "is_paused",
        "symbol_map", "sizing" })
public record DeviceSettingsView(
        @Schema(description = "The device") UUID deviceId,
        @Schema(description = "A paused device receives no new signal (and never gets the ones issued while paused); "
                + "actions on signals it already has still reach it") boolean isPaused,
        @Schema(description = "Platform symbol → the broker's symbol for it; a symbol not listed is sent as it is",
                examples = "{\"EURUSD\": \"EURUSD.m\"}") Map<String, String> symbolMap,
        @Schema(description = "How many lots it trades of a signal") Sizing sizing,
        @Schema(description = "The only platform symbols it receives; null: every instrument", nullable = true)
        List<String> allowedInstruments,
        @Schema(description = "Last change; null while the device has the defaults", nullable = true)
        Instant updatedAt) {

    @Schema(description = "The signal's lots × `lot_multiplier`, or `fixed_lots`; at most `max_lots`; rounded down "
            + "to the instrument's lot step, at least one step. All null: the signal's lots")
    public record Sizing(
            @Schema(description = "Multiplies the signal's lots; exclusive with fixed_lots", nullable = true,
                    examples = "0.5") BigDecimal lotMultiplier,
            @Schema(description = "Lots whatever the signal says; exclusive with lot_multiplier", nullable = true)
            BigDecimal fixedLots,
            @Schema(description = "The most lots it trades of one signal", nullable = true) BigDecimal maxLots) {
    }
}
