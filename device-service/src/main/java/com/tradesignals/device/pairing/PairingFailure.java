package com.tradesignals.device.pairing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user code a user entered that matched no pending pairing. */
@Entity
@Table(name = "device_pairing_failures")
public class PairingFailure {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "failed_at", nullable = false, updatable = false)
    public Instant failedAt;

    static PairingFailure of(UUID userId, Instant now) {
        PairingFailure failure = new PairingFailure();
        failure.id = UUID.randomUUID();
        failure.userId = userId;
        failure.failedAt = now;
        return failure;
    }
}
