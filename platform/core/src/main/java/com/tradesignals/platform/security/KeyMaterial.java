package com.tradesignals.platform.security;

import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Symmetric keys as configuration carries them: 32 bytes written as 64 hex characters or as base64. */
public final class KeyMaterial {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private KeyMaterial() {
    }

    /**
     * The 32 bytes of a 256-bit key written as hex (64 characters) or base64 (standard or URL-safe alphabet).
     *
     * @param property the configuration key, named in the error so an operator knows what to fix
     * @throws IllegalArgumentException when the text is neither, or not 32 bytes; the message never holds the text
     */
    public static byte[] decode256(String text, String property) {
        String trimmed = text.strip();
        byte[] key;
        // Hex digits are base64 characters too; a key written only in hex digits is read as hex (a base64 key of
        // 32 bytes has 43 or 44 characters, with '=' or of odd length, so it is never taken for hex).
        if (HEX.matcher(trimmed).matches() && trimmed.length() % 2 == 0) {
            if (trimmed.length() != 64) {
                throw new IllegalArgumentException(property + " must be 64 hex characters (32 bytes), has "
                        + trimmed.length());
            }
            key = HexFormat.of().parseHex(trimmed);
        } else {
            try {
                key = (trimmed.contains("-") || trimmed.contains("_") ? Base64.getUrlDecoder() : Base64.getDecoder())
                        .decode(trimmed);
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException(property + " is neither 64 hex characters nor base64");
            }
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(property + " must be 32 bytes (256 bits), is " + key.length);
        }
        return key;
    }
}
