package com.tradesignals.device.pairing;

import com.tradesignals.contracts.signing.DeviceRequestSigning;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The two codes of a pairing. The device code is the terminal's secret proof (32 random bytes, base64url); the user
 * code is what a person reads off the terminal and types: 8 letters of RFC 8628's alphabet of consonants without
 * easily confused ones (no vowels, so no words; no digits, so no 0/O or 1/I), about 34.6 bits, shown as XXXX-XXXX.
 * Only their SHA-256 hashes are stored.
 */
final class PairingCodes {

    static final String USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    static final int USER_CODE_LENGTH = 8;
    private static final int DEVICE_CODE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PairingCodes() {
    }

    static String newDeviceCode() {
        byte[] bytes = new byte[DEVICE_CODE_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new user code as shown: {@code XXXX-XXXX}. */
    static String newUserCode() {
        StringBuilder code = new StringBuilder(USER_CODE_LENGTH + 1);
        for (int index = 0; index < USER_CODE_LENGTH; index++) {
            if (index == USER_CODE_LENGTH / 2) {
                code.append('-');
            }
            code.append(USER_CODE_ALPHABET.charAt(RANDOM.nextInt(USER_CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A user code as typed (any case, with or without the dash and spaces) reduced to its 8 letters. */
    static String normalisedUserCode(String typed) {
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    static String hash(String code) {
        return DeviceRequestSigning.sha256Hex(code.getBytes(StandardCharsets.UTF_8));
    }
}
