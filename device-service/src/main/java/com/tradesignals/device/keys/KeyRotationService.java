package com.tradesignals.device.keys;

import static com.tradesignals.device.registration.DeviceRegistrationService.actor;
import static com.tradesignals.device.registration.DeviceRegistrationService.requireActive;
import static com.tradesignals.device.registration.DeviceRegistrationService.target;

import com.tradesignals.contracts.events.devices.DeviceKeyRotated;
import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceSecrets;
import com.tradesignals.device.DeviceConfig;
import com.tradesignals.device.registry.DeviceKey;
import com.tradesignals.device.registry.DeviceKeyRepository;
import com.tradesignals.device.registry.DeviceRepository;
import com.tradesignals.platform.audit.AuditLog;
import com.tradesignals.platform.deviceauth.DeviceSecretSource;
import com.tradesignals.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Issues a device's next key version. The current one stays valid for the configured grace period so the
 * terminal can be updated; any older version still in its grace ends at once, so at most two are ever live.
 */
@ApplicationScoped
public class KeyRotationService {

    private final DeviceRepository devices;
    private final DeviceKeyRepository keys;
    private final DeviceSecretSource secrets;
    private final Outbox outbox;
    private final AuditLog audit;
    private final DeviceConfig config;
    private final Clock clock;

    KeyRotationService(DeviceRepository devices, DeviceKeyRepository keys, DeviceSecretSource secrets, Outbox outbox,
            AuditLog audit, DeviceConfig config, Clock clock) {
        this.devices = devices;
        this.keys = keys;
        this.secrets = secrets;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<RotatedKey> rotate(UUID userId, UUID deviceId) {
        return devices.lockOwned(userId, deviceId).chain(device -> {
            requireActive(device);
            return keys.ofDevice(device.id);
        }).chain(existing -> {
            Instant now = clock.instant();
            Instant previousValidUntil = now.plus(config.keyRotationGrace());
            DeviceKey current = existing.get(0);
            for (DeviceKey older : existing.subList(1, existing.size())) {
                if (older.isLiveAt(now)) {
                    older.validUntil = now;
                }
            }
            current.validUntil = previousValidUntil;
            int newVersion = current.keyVersion + 1;
            DeviceKeyId keyId = new DeviceKeyId(deviceId, newVersion);
            byte[] secret = secrets.secretOf(keyId);
            Map<String, Object> details = new HashMap<>();
            details.put("key_version", newVersion);
            details.put("previous_key_valid_until", previousValidUntil.toString());
            return keys.persist(DeviceKey.issue(deviceId, newVersion, DeviceSecrets.fingerprint(secret), now))
                    .chain(() -> outbox.add(new DeviceKeyRotated(deviceId, userId, newVersion, previousValidUntil, now)))
                    .chain(() -> audit.record(actor(userId), "device.key-rotated", target(deviceId), details))
                    .replaceWith(new RotatedKey(deviceId, newVersion, keyId.toString(), DeviceSecrets.toHex(secret),
                            current.keyVersion, previousValidUntil));
        });
    }
}
