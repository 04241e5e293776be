package com.tradesignals.device.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change of a device's settings: each section sent replaces the device's, each left out stays as it is. An empty
 * {@code symbol_map} removes every mapping, an empty {@code sizing} trades the signal's lots, an empty
 * {@code allowed_instruments} allows every instrument.
 */
@Schema(description = "Each section sent replaces the device's; a section left out stays")
public record UpdateDeviceSettingsRequest(
        @Schema(description = "Pause or resume the device", nullable = true) Boolean isPaused,
        @Schema(description = "Platform symbol → broker symbol (at most 200); {} removes every mapping",
                nullable = true)
        @Size(max = 200) Map<@NotNull @Pattern(regexp = SYMBOL) String, @NotNull @Pattern(regexp = BROKER_SYMBOL) String>
        symbolMap,
        @Schema(description = "The sizing; {} trades the signal's lots", nullable = true) @Valid Sizing sizing,
        @Schema(description = "The only platform symbols to receive (at most 500); [] allows every instrument",
                nullable = true)
        @Size(max = 500) List<@NotNull @Pattern(regexp = SYMBOL) String> allowedInstruments) {

    static final String SYMBOL = "[A-Z0-9._-]{1,32}";
    static final String BROKER_SYMBOL = "[A-Za-z0-9._#+-]{1,32}";

    @Schema(description = "`lot_multiplier` or `fixed_lots`, not both; `max_lots` caps either")
    public record Sizing(
            @Schema(description = "Multiplies the signal's lots: above 0, at most 100", nullable = true)
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 4)
            BigDecimal lotMultiplier,
            @Schema(description = "Lots whatever the signal says: above 0, at most 1000", nullable = true)
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 4, fraction = 8)
            BigDecimal fixedLots,
            @Schema(description = "The most lots of one signal: above 0, at most 1000", nullable = true)
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 4, fraction = 8)
            BigDecimal maxLots) {
    }
}
