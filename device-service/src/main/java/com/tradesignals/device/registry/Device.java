package com.tradesignals.device.registry;

import com.tradesignals.platform.problem.ProblemException;
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

    /** When a poll of the device last started or was answered (to within the presence write interval); by polls only. */
    @Column(name = "last_seen_at", insertable = false, updatable = false)
    public Instant lastSeenAt;

    /** The last sequence number given to a delivery of this device; written only by the signal fan-out. */
    @Column(name = "next_sequence", insertable = false, updatable = false)
    public long nextSequence;

    /** The highest sequence the device acknowledged; written only by polls. */
    @Column(name = "last_ack_sequence", insertable = false, updatable = false)
    public long lastAckSequence;

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

    public void rename(String newName, Instant now) {
        name = newName;
        updatedAt = now;
    }

    /** Modifying an unlinked device is refused: its row is kept as history only. */
    public void requireActive() {
        if (!isActive) {
            throw ProblemException.conflict("device-unlinked", "Device unlinked",
                    "The device was unlinked; register it again to use it");
        }
    }

    public void unlink(Instant now) {
        isActive = false;
        revokedAt = now;
        updatedAt = now;
    }
}
