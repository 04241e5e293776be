package com.tradesignals.device.keys;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a key rotation, the only time the new secret is ever shown. */
@Schema(description = "A device's new signing secret, shown this once only", requiredProperties = { "device_id",
        "key_version", "kid", "secret", "previous_key_version", "previous_key_valid_until" })
public record RotatedKey(
        @Schema(description = "The device's id") UUID deviceId,
        @Schema(description = "The new key version", examples = "2") int keyVersion,
        @Schema(description = "The key id to sign with from now on: `<device_id>.<key_version>`",
                examples = "9b2f0c1e-4d7a-4c1b-9a53-2f1e8f0d6c11.2") String kid,
        @Schema(description = "64 hex characters: the new HMAC-SHA256 key", pattern = "^[0-9a-f]{64}$")
        String secret,
        @Schema(description = "The version that keeps working until `previous_key_valid_until`", examples = "1")
        int previousKeyVersion,
        @Schema(description = "When the previous key stops working (the rotation grace period)")
        Instant previousKeyValidUntil) {
}
