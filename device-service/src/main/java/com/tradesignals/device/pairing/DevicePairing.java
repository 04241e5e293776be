package com.tradesignals.device.pairing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A terminal's request to be paired: pending, then approved by a user, then collected by the terminal, once. */
@Entity
@Table(name = "device_pairings")
public class DevicePairing {

    @Id
    public UUID id;

    @Column(name = "device_code_hash", nullable = false, updatable = false)
    public String deviceCodeHash;

    @Column(name = "user_code_hash", nullable = false, updatable = false)
    public String userCodeHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    @Column(name = "approved_by")
    public UUID approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "collected_at")
    public Instant collectedAt;

    static DevicePairing start(String deviceCodeHash, String userCodeHash, Instant now, Instant expiresAt) {
        DevicePairing pairing = new DevicePairing();
        pairing.id = UUID.randomUUID();
        pairing.deviceCodeHash = deviceCodeHash;
        pairing.userCodeHash = userCodeHash;
        pairing.createdAt = now;
        pairing.expiresAt = expiresAt;
        return pairing;
    }

    boolean isApproved() {
        return approvedAt != null;
    }

    boolean isCollected() {
        return collectedAt != null;
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The terminal gets a fresh period to collect its key: approval may come just before the user code expires. */
    void approve(UUID userId, UUID device, Instant now, Instant collectBy) {
        approvedBy = userId;
        approvedAt = now;
        deviceId = device;
        expiresAt = collectBy;
    }

    void polled(Instant now) {
        lastPolledAt = now;
    }

    void collect(Instant now) {
        collectedAt = now;
    }

    /** Whether the terminal asked again sooner than {@code interval} after its previous request. */
    boolean isPolledTooSoon(Instant now, Duration interval) {
        return lastPolledAt != null && now.isBefore(lastPolledAt.plus(interval));
    }
}
