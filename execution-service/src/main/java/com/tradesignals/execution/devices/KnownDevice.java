package com.tradesignals.execution.devices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A device as the lifecycle events describe it: its owner, whether it is active, its live key versions. */
@Entity
@Table(name = "known_devices")
public class KnownDevice {

    @Id
    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "is_active", nullable = false)
    public boolean isActive;

    @Column(name = "key_version", nullable = false)
    public int keyVersion;

    @Column(name = "previous_key_version")
    public Integer previousKeyVersion;

    @Column(name = "previous_key_valid_until")
    public Instant previousKeyValidUntil;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
