package com.tradesignals.contracts.signing;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parsed {@code Authorization} header of a device request:
 * {@code DHMAC-SHA256 kid=<device_id>.<key_version>, ts=<unix_ms>, nonce=<base64url>, sig=<hex>}.
 */
public record DeviceAuthorization(DeviceKeyId keyId, long timestampMillis, String nonce, String signatureHex) {

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

    /** Parses the header; throws {@link IllegalArgumentException} naming the first thing wrong with it. */
    public static DeviceAuthorization parse(String header) {
        if (header == null || !header.startsWith(DeviceRequestSigning.SCHEME + " ")) {
            throw new IllegalArgumentException("not a " + DeviceRequestSigning.SCHEME + " authorization");
        }
        Map<String, String> parameters = new HashMap<>();
        for (String part : header.substring(DeviceRequestSigning.SCHEME.length() + 1).split(",")) {
            int equals = part.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("malformed parameter");
            }
            String name = part.substring(0, equals).trim();
            if (parameters.put(name, part.substring(equals + 1).trim()) != null) {
                throw new IllegalArgumentException("repeated parameter " + name);
            }
        }
        String nonce = required(parameters, "nonce");
        if (!NONCE.matcher(nonce).matches()) {
            throw new IllegalArgumentException("nonce must be 16 to 64 base64url characters");
        }
        String signature = required(parameters, "sig");
        if (!SIGNATURE.matcher(signature).matches()) {
            throw new IllegalArgumentException("sig must be 64 lower-case hex characters");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(required(parameters, "ts"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ts must be unix milliseconds", e);
        }
        return new DeviceAuthorization(DeviceKeyId.parse(required(parameters, "kid")), timestamp, nonce, signature);
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    public String toHeader() {
        return DeviceRequestSigning.SCHEME + " kid=" + keyId + ", ts=" + timestampMillis + ", nonce=" + nonce
                + ", sig=" + signatureHex;
    }
}
