package com.tradesignals.device.keys;

import com.tradesignals.contracts.events.devices.DeviceKeyRotated;
import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceSecrets;
import com.tradesignals.device.DeviceConfig;
import com.tradesignals.device.registry.DeviceAudit;
import com.tradesignals.device.registry.DeviceKey;
import com.tradesignals.device.registry.DeviceKeyRepository;
import com.tradesignals.device.registry.DeviceRepository;
import com.tradesignals.platform.deviceauth.DeviceKeyCache;
import com.tradesignals.platform.deviceauth.DeviceSecretSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Issues a device's next key version, within the grace rule of {@link KeyRotation}: the current version keeps
 * working for the configured grace period so the terminal can be updated, at most two are ever live.
 */
@ApplicationScoped
public class KeyRotationService {

    private final DeviceRepository devices;
    private final DeviceKeyRepository keys;
    private final DeviceSecretSource secrets;
    private final DeviceKeyCache keyCache;
    private final DeviceAudit audit;
    private final DeviceConfig config;
    private final Clock clock;

    KeyRotationService(DeviceRepository devices, DeviceKeyRepository keys, DeviceSecretSource secrets,
            DeviceKeyCache keyCache, DeviceAudit audit, DeviceConfig config, Clock clock) {
        this.devices = devices;
        this.keys = keys;
        this.secrets = secrets;
        this.keyCache = keyCache;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Once committed, no replica authenticates the device's older keys from its key cache. */
    public Uni<RotatedKey> rotate(UUID userId, UUID deviceId) {
        return Panache.withTransaction(() -> rotateInTransaction(userId, deviceId))
                .invoke(() -> keyCache.forgetDevice(deviceId));
    }

    private Uni<RotatedKey> rotateInTransaction(UUID userId, UUID deviceId) {
        return devices.lockOwned(userId, deviceId).chain(device -> {
            device.requireActive();
            return keys.ofDevice(device.id);
        }).chain(existing -> {
            Instant now = clock.instant();
            KeyRotation rotation = KeyRotation.apply(existing, now, config.keyRotationGrace());
            DeviceKeyId keyId = new DeviceKeyId(deviceId, rotation.newVersion());
            byte[] secret = secrets.secretOf(keyId);
            Map<String, Object> details = new HashMap<>();
            details.put("key_version", rotation.newVersion());
            details.put("previous_key_valid_until", rotation.previousValidUntil().toString());
            return keys.persist(DeviceKey.issue(deviceId, rotation.newVersion(), DeviceSecrets.fingerprint(secret), now))
                    .chain(() -> keys.announceChange(deviceId))
                    .chain(() -> audit.recordChange(new DeviceKeyRotated(deviceId, userId, rotation.newVersion(),
                            rotation.previousValidUntil(), now), userId, "device.key-rotated", deviceId, details))
                    .replaceWith(new RotatedKey(deviceId, rotation.newVersion(), keyId.toString(),
                            DeviceSecrets.toHex(secret), rotation.previousVersion(), rotation.previousValidUntil()));
        });
    }
}
