package com.tradesignals.device.pairing;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The key of a paired terminal, answered once: what {@code register} answers the user, given to the terminal. */
@Schema(description = "The paired device and its signing secret, answered this once only",
        requiredProperties = { "device_id", "kid", "key_version", "secret" })
public record PairedDeviceKey(
        @Schema(description = "The device's id") UUID deviceId,
        @Schema(description = "The key id to put in the DHMAC-SHA256 Authorization header: `<device_id>.<key_version>`",
                examples = "9b2f0c1e-4d7a-4c1b-9a53-2f1e8f0d6c11.1") String kid,
        @Schema(description = "The version of the key `secret` belongs to", examples = "1") int keyVersion,
        @Schema(description = "64 hex characters: the HMAC-SHA256 key for signing requests as `kid`",
                pattern = "^[0-9a-f]{64}$") String secret) {
}
