package com.tradesignals.affiliate.payoutmethod;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * The keys payout methods are encrypted with (AES-256-GCM). A key is 32 bytes as 64 hex characters or base64,
 * from a Secret in production; dev and tests use dev/keys/dev-only-payout-method-key.hex. To rotate: give the
 * new key a new id, add the old one to {@code previous-keys} as {@code <its id>:<key>}, and keep it there while
 * any payout method or unpaid payout was written with it (docs/operations.md).
 */
@ConfigMapping(prefix = "affiliates.payout-methods")
public interface PayoutMethodConfig {

    /** The key new payout methods are encrypted with ({@code AFFILIATES_PAYOUT_METHODS_ENCRYPTION_KEY}). */
    String encryptionKey();

    /** The id stored beside what {@link #encryptionKey()} encrypts: 1 to 32 of {@code A-Z a-z 0-9 . _ -}. */
    String encryptionKeyId();

    /**
     * Keys that only decrypt, so what earlier keys wrote stays readable: a comma-separated list of
     * {@code <key id>:<key>} ({@code AFFILIATES_PAYOUT_METHODS_PREVIOUS_KEYS}).
     */
    Optional<List<String>> previousKeys();
}
