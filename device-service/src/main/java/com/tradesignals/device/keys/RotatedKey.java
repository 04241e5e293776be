package com.tradesignals.device.keys;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a key rotation, the only time the new secret is ever shown.
 *
 * @param kid                   the key id to sign with from now on: {@code <device_id>.<key_version>}
 * @param secret                64 hex characters: the new HMAC-SHA256 key
 * @param previousKeyVersion    the version that keeps working until {@code previousKeyValidUntil}
 */
public record RotatedKey(UUID deviceId, int keyVersion, String kid, String secret, int previousKeyVersion,
        Instant previousKeyValidUntil) {
}
