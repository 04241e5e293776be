package com.tradesignals.execution.devices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
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

    @Column(name = "is_paused", nullable = false)
    public boolean isPaused;

    @Column(name = "lot_multiplier")
    public BigDecimal lotMultiplier;

    @Column(name = "fixed_lots")
    public BigDecimal fixedLots;

    @Column(name = "max_lots")
    public BigDecimal maxLots;

    @Column(name = "allowed_instruments")
    public String[] allowedInstruments;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
