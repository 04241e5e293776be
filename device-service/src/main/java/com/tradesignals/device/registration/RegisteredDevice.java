package com.tradesignals.device.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a registration, the only time the secret is ever shown.
 *
 * @param secret 64 hex characters: the HMAC-SHA256 key for signing requests as {@code kid}
 * @param kid    the key id to put in the Authorization header: {@code <device_id>.<key_version>}
 */
public record RegisteredDevice(UUID deviceId, String name, int keyVersion, String kid, String secret,
        Instant createdAt) {
}
