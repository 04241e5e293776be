package com.tradesignals.affiliate.payout;

import com.tradesignals.affiliate.payoutmethod.PayoutMethodKind;
import com.tradesignals.affiliate.payoutmethod.SealedPayoutMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payout of commission to an affiliate: PENDING → PROCESSING → COMPLETED or FAILED. */
@Entity
@Table(name = "commission_payouts")
public class Payout {

    @Schema(name = "PayoutStatus")
    public enum Status { PENDING, PROCESSING, COMPLETED, FAILED }

    @Id
    public UUID id;

    @Column(name = "referrer_id", nullable = false, updatable = false)
    public UUID referrerId;

    @Column(nullable = false, updatable = false)
    public BigDecimal amount;

    @Column(nullable = false, updatable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "failure_reason")
    public String failureReason;

    /** The provider's reference for the transfer. */
    @Column
    public String reference;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "processing_started_at")
    public Instant processingStartedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    /**
     * The payout method the payout is sent to, as it was when requested (null only for payouts requested before
     * payout methods existed): kind and masked form to show, the encrypted details for the provider.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "payout_method_kind", updatable = false)
    public PayoutMethodKind payoutMethodKind;

    @Column(name = "payout_method_masked", updatable = false)
    public String payoutMethodMasked;

    @Column(name = "payout_method_key_id", updatable = false)
    public String payoutMethodKeyId;

    @Column(name = "payout_method_nonce", updatable = false)
    public byte[] payoutMethodNonce;

    @Column(name = "payout_method_ciphertext", updatable = false)
    public byte[] payoutMethodCiphertext;

    static Payout request(UUID referrerId, BigDecimal amount, String currency, String idempotencyKey,
            SealedPayoutMethod method, Instant now) {
        Payout payout = new Payout();
        payout.id = UUID.randomUUID();
        payout.referrerId = referrerId;
        payout.amount = amount;
        payout.currency = currency;
        payout.status = Status.PENDING;
        payout.idempotencyKey = idempotencyKey;
        payout.payoutMethodKind = method.kind();
        payout.payoutMethodMasked = method.masked();
        payout.payoutMethodKeyId = method.keyId();
        payout.payoutMethodNonce = method.nonce();
        payout.payoutMethodCiphertext = method.ciphertext();
        payout.createdAt = now;
        payout.updatedAt = now;
        return payout;
    }

    /** The encrypted payout method this payout goes to, or null for a payout from before payout methods. */
    SealedPayoutMethod payoutMethod() {
        return payoutMethodKind == null ? null : new SealedPayoutMethod(payoutMethodKind, payoutMethodMasked,
                payoutMethodKeyId, payoutMethodNonce, payoutMethodCiphertext);
    }
}
