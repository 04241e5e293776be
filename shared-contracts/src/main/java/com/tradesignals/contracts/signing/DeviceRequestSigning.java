package com.tradesignals.contracts.signing;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The device request signing scheme, version 1 ({@code DHMAC-SHA256}). The one implementation used by
 * the services, the tests and the reference device client; docs/device-signing.md describes it for
 * client developers and shared-contracts/src/test/resources/dhmac-sha256-v1-vectors.json holds test vectors.
 *
 * <p>The string to sign joins with {@code \n}: the scheme name, ts, nonce, method, path, canonical query,
 * hex SHA-256 of the body, kid. The signature is the lower-case hex HMAC-SHA256 of it under the device secret.
 */
public final class DeviceRequestSigning {

    public static final String SCHEME = "DHMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();

    private DeviceRequestSigning() {
    }

    public static String stringToSign(DeviceKeyId keyId, long timestampMillis, String nonce, SignedRequest request) {
        return String.join("\n",
                SCHEME,
                Long.toString(timestampMillis),
                nonce,
                request.method(),
                request.path(),
                canonicalQuery(request.rawQuery()),
                request.bodySha256(),
                keyId.toString());
    }

    public static String sign(byte[] secret, String stringToSign) {
        return HEX.formatHex(DeviceSecrets.hmacSha256(secret, stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares in constant time, so the time taken tells nothing about how much of a guess was right. */
    public static boolean isValidSignature(byte[] secret, String stringToSign, String signatureHex) {
        byte[] expected = sign(secret, stringToSign).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHex.getBytes(StandardCharsets.US_ASCII));
    }

    public static String sha256Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Decodes each {@code name=value} pair, re-encodes both per RFC 3986 as UTF-8 (unreserved characters stay,
     * everything else becomes {@code %XX} in upper case), sorts by name then value and joins with {@code &}. A
     * pair without {@code =} has an empty value. A {@code +} is a literal plus, the same as {@code %2B}, never a
     * space: a space is sent as {@code %20} (decision 0010). A broken escape or escaped bytes that are not UTF-8
     * throw {@link IllegalArgumentException}: such a request is refused.
     */
    public static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(Map.entry(encode(percentDecode(name)), encode(percentDecode(value))));
        }
        pairs.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs) {
            if (canonical.length() > 0) {
                canonical.append('&');
            }
            canonical.append(pair.getKey()).append('=').append(pair.getValue());
        }
        return canonical.toString();
    }

    /**
     * Decodes {@code %XX} escapes (either hex case) and reads the bytes as UTF-8, strictly: a broken escape or bytes
     * that are not UTF-8 are refused, rather than read as U+FFFD, which would give different queries (such as
     * {@code %C3} and {@code %FF}) one canonical form. A {@code +} stays a plus.
     */
    private static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int index = 0; index < text.length(); ) {
            int character = text.codePointAt(index);
            if (character == '%') {
                int high = index + 1 < text.length() ? hexValue(text.charAt(index + 1)) : -1;
                int low = index + 2 < text.length() ? hexValue(text.charAt(index + 2)) : -1;
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("a % in the query must start an escape of two hex digits");
                }
                bytes.write(high << 4 | low);
                index += 3;
            } else {
                bytes.writeBytes(Character.toString(character).getBytes(StandardCharsets.UTF_8));
                index += Character.charCount(character);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the query's escapes are not UTF-8", e);
        }
    }

    private static int hexValue(char digit) {
        return digit < 128 ? Character.digit(digit, 16) : -1;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
