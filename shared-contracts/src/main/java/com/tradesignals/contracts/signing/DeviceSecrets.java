package com.tradesignals.contracts.signing;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Device secrets are never stored: each one is derived on demand as
 * {@code HKDF-SHA256(master key, salt = "", info = "dhmac-v1" ‖ device_id ‖ key_version)} (RFC 5869),
 * so the servers that verify signatures hold only the master key, and the database holds only a
 * fingerprint. A device receives its secret once, as 64 hex characters; the HMAC key is those 32 bytes.
 */
public final class DeviceSecrets {

    public static final int SECRET_BYTES = 32;
    private static final byte[] INFO_PREFIX = "dhmac-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private DeviceSecrets() {
    }

    /** The device's secret for one key version. */
    public static byte[] derive(byte[] masterKey, DeviceKeyId keyId) {
        if (masterKey == null || masterKey.length < SECRET_BYTES) {
            throw new IllegalArgumentException("the device master key must be at least 32 bytes");
        }
        byte[] info = ByteBuffer.allocate(INFO_PREFIX.length + 16 + 4)
                .put(INFO_PREFIX)
                .putLong(keyId.deviceId().getMostSignificantBits())
                .putLong(keyId.deviceId().getLeastSignificantBits())
                .putInt(keyId.keyVersion())
                .array();
        byte[] pseudoRandomKey = hmacSha256(new byte[32], masterKey);
        // One HKDF-Expand block is enough: the output is exactly one SHA-256 length.
        byte[] firstBlockInput = ByteBuffer.allocate(info.length + 1).put(info).put((byte) 1).array();
        return hmacSha256(pseudoRandomKey, firstBlockInput);
    }

    /** What the database keeps to tell keys apart and prove uniqueness: hex SHA-256 of the secret. */
    public static String fingerprint(byte[] secret) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String toHex(byte[] secret) {
        return HEX.formatHex(secret);
    }

    public static byte[] fromHex(String secretHex) {
        byte[] secret = HEX.parseHex(secretHex);
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("a device secret is 64 hex characters");
        }
        return secret;
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
