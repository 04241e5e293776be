package com.tradesignals.affiliate.payoutmethod;

/**
 * A payout method encrypted at rest: AES-256-GCM of its JSON under the key {@code keyId}, with a random 96-bit
 * nonce, authenticated together with the owner and the kind (a row copied to another affiliate does not open).
 * A payout keeps a copy of it: the method it was sent to, even if the affiliate changes theirs later.
 */
public record SealedPayoutMethod(PayoutMethodKind kind, String masked, String keyId, byte[] nonce, byte[] ciphertext) {

    @Override
    public String toString() {
        return "SealedPayoutMethod[" + kind + " " + masked + ", key " + keyId + "]";
    }
}
