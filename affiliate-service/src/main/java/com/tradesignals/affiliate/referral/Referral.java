package com.tradesignals.affiliate.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user ({@code referredUserId}) bound to the affiliate who referred them, for life. */
@Entity
@Table(name = "referrals")
public class Referral {

    @Schema(name = "ReferralStatus")
    public enum Status { PENDING, ACTIVATED }

    @Id
    public UUID id;

    @Column(name = "referrer_id", nullable = false, updatable = false)
    public UUID referrerId;

    @Column(name = "referred_user_id", nullable = false, updatable = false)
    public UUID referredUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    static Referral claim(UUID referrerId, UUID referredUserId, Instant now) {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.referrerId = referrerId;
        referral.referredUserId = referredUserId;
        referral.status = Status.PENDING;
        referral.createdAt = now;
        return referral;
    }

    boolean isPending() {
        return status == Status.PENDING;
    }

    void activate(Instant now) {
        status = Status.ACTIVATED;
        activatedAt = now;
    }
}
