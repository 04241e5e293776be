package com.tradesignals.contracts.signing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/** Signs requests for one device key: what a device (or a test acting as one) uses. */
public final class DeviceRequestSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DeviceKeyId keyId;
    private final byte[] secret;
    private final Clock clock;

    public DeviceRequestSigner(DeviceKeyId keyId, byte[] secret, Clock clock) {
        this.keyId = keyId;
        this.secret = secret.clone();
        this.clock = clock;
    }

    public DeviceRequestSigner(DeviceKeyId keyId, String secretHex) {
        this(keyId, DeviceSecrets.fromHex(secretHex), Clock.systemUTC());
    }

    public DeviceKeyId keyId() {
        return keyId;
    }

    /** The {@code Authorization} header value for a request with a fresh nonce and the current time. */
    public String authorization(String method, String path, String rawQuery, String body) {
        return authorization(method, path, rawQuery, body, clock.millis(), newNonce());
    }

    public String authorization(String method, String path, String rawQuery, String body, long timestampMillis,
            String nonce) {
        byte[] bodyBytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        SignedRequest request = new SignedRequest(method, path, rawQuery, DeviceRequestSigning.sha256Hex(bodyBytes));
        String stringToSign = DeviceRequestSigning.stringToSign(keyId, timestampMillis, nonce, request);
        return new DeviceAuthorization(keyId, timestampMillis, nonce, DeviceRequestSigning.sign(secret, stringToSign))
                .toHeader();
    }

    /** 128 random bits, base64url without padding (22 characters). */
    public static String newNonce() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }
}
