package com.tradesignals.device.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A trading terminal a user linked to their account. */
@Entity
@Table(name = "devices")
public class Device {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(nullable = false)
    public String name;

    @Column(name = "is_active", nullable = false)
    public boolean isActive;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_poll_at")
    public Instant lastPollAt;

    @Column(name = "last_ack_at")
    public Instant lastAckAt;

    public static Device register(UUID userId, String name, Instant now) {
        Device device = new Device();
        device.id = UUID.randomUUID();
        device.userId = userId;
        device.name = name;
        device.isActive = true;
        device.createdAt = now;
        device.updatedAt = now;
        return device;
    }
}
