package com.tradesignals.device.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One key version of a device: its fingerprint, never its secret. No {@code validUntil} means valid until revoked. */
@Entity
@Table(name = "device_keys")
@IdClass(DeviceKey.Id.class)
public class DeviceKey {

    @jakarta.persistence.Id
    @Column(name = "device_id")
    public UUID deviceId;

    @jakarta.persistence.Id
    @Column(name = "key_version")
    public int keyVersion;

    @Column(nullable = false, unique = true, updatable = false)
    public String fingerprint;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "valid_until")
    public Instant validUntil;

    public static DeviceKey issue(UUID deviceId, int keyVersion, String fingerprint, Instant now) {
        DeviceKey key = new DeviceKey();
        key.deviceId = deviceId;
        key.keyVersion = keyVersion;
        key.fingerprint = fingerprint;
        key.createdAt = now;
        return key;
    }

    public boolean isLiveAt(Instant now) {
        return validUntil == null || now.isBefore(validUntil);
    }

    /** The composite key: a device and one of its key versions. */
    public static class Id implements Serializable {
        public UUID deviceId;
        public int keyVersion;

        @Override
        public boolean equals(Object other) {
            return other instanceof Id id && id.keyVersion == keyVersion && Objects.equals(id.deviceId, deviceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(deviceId, keyVersion);
        }
    }
}
