package com.tradesignals.affiliate.enrollment;

import java.security.SecureRandom;
import java.util.Base64;

/** Referral tokens: 128 random bits as 22 URL-safe characters (base64url, no padding). */
final class ReferralTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_BYTES = 16;

    private ReferralTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
