package com.tradesignals.device.registration;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a registration, the only time the secret is ever shown. */
@Schema(description = "A newly linked device and its signing secret, shown this once only",
        requiredProperties = { "device_id", "name", "key_version", "kid", "secret", "created_at" })
public record RegisteredDevice(
        @Schema(description = "The device's id") UUID deviceId,
        @Schema(description = "The name the user gave it", examples = "MT5 office PC") String name,
        @Schema(description = "The version of the key `secret` belongs to", examples = "1") int keyVersion,
        @Schema(description = "The key id to put in the DHMAC-SHA256 Authorization header: `<device_id>.<key_version>`",
                examples = "9b2f0c1e-4d7a-4c1b-9a53-2f1e8f0d6c11.1") String kid,
        @Schema(description = "64 hex characters: the HMAC-SHA256 key for signing requests as `kid`",
                pattern = "^[0-9a-f]{64}$") String secret,
        @Schema(description = "When the device was registered") Instant createdAt) {
}
