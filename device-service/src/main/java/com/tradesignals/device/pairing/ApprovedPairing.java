package com.tradesignals.device.pairing;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The device a user's approval linked; its secret goes to the terminal only. */
@Schema(description = "The device the approval linked (its secret goes to the terminal, never to the app)",
        requiredProperties = { "device_id", "name", "created_at" })
public record ApprovedPairing(
        @Schema(description = "The device's id") UUID deviceId,
        @Schema(description = "The name the user gave it", examples = "MT5 office PC") String name,
        @Schema(description = "When the device was registered") Instant createdAt) {
}
