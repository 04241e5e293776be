package com.tradesignals.affiliate.payoutmethod;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An affiliate's payout method, one per affiliate, stored encrypted ({@link PayoutMethodCipher}). */
@Entity
@Table(name = "payout_methods")
public class PayoutMethod {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PayoutMethodKind kind;

    /** What may be shown and audited: {@link PayoutMethodDetails#masked()}. */
    @Column(nullable = false)
    public String masked;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(nullable = false)
    public byte[] nonce;

    @Column(nullable = false)
    public byte[] ciphertext;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static PayoutMethod of(UUID userId, SealedPayoutMethod sealed, Instant now) {
        PayoutMethod method = new PayoutMethod();
        method.userId = userId;
        method.createdAt = now;
        method.replace(sealed, now);
        return method;
    }

    void replace(SealedPayoutMethod sealed, Instant now) {
        kind = sealed.kind();
        masked = sealed.masked();
        keyId = sealed.keyId();
        nonce = sealed.nonce();
        ciphertext = sealed.ciphertext();
        updatedAt = now;
    }

    public SealedPayoutMethod sealed() {
        return new SealedPayoutMethod(kind, masked, keyId, nonce, ciphertext);
    }
}
