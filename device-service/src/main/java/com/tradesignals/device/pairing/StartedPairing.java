package com.tradesignals.device.pairing;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a terminal shows (the user code) and keeps (the device code) while it waits for the user's approval. */
@Schema(description = "A pairing waiting for the user's approval", requiredProperties = { "device_code", "user_code",
        "expires_in", "interval" })
public record StartedPairing(
        @Schema(description = "The terminal's secret for collecting its key; never show it",
                examples = "Yz3kN8c0sW6q3tqfJm2m3O1T8oH5d3h0b3M9Jc2a1sA") String deviceCode,
        @Schema(description = "What the user types into their app, shown as `XXXX-XXXX` (letters of "
                + "BCDFGHJKLMNPQRSTVWXZ; case and the dash do not matter)", examples = "WDJB-MJHT",
                pattern = "^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$") String userCode,
        @Schema(description = "Where the user enters the code (`devices.pairing.verification-uri`); absent when "
                + "not configured", format = "uri") @JsonInclude(JsonInclude.Include.NON_NULL) String verificationUri,
        @Schema(description = "Seconds until the user code expires", examples = "600") long expiresIn,
        @Schema(description = "Seconds the terminal waits between two requests for its key", examples = "5")
        long interval) {
}
