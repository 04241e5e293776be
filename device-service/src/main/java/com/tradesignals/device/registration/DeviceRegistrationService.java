package com.tradesignals.device.registration;

import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceSecrets;
import com.tradesignals.device.DeviceConfig;
import com.tradesignals.device.registry.Device;
import com.tradesignals.device.registry.DeviceKey;
import com.tradesignals.device.registry.DeviceKeyRepository;
import com.tradesignals.device.registry.DeviceRepository;
import com.tradesignals.platform.audit.AuditLog;
import com.tradesignals.platform.deviceauth.DeviceSecretSource;
import com.tradesignals.platform.outbox.Outbox;
import com.tradesignals.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DeviceRegistrationService {

    private static final int FIRST_KEY_VERSION = 1;

    private final DeviceRepository devices;
    private final DeviceKeyRepository keys;
    private final DeviceSecretSource secrets;
    private final Outbox outbox;
    private final AuditLog audit;
    private final DeviceConfig config;
    private final Clock clock;

    DeviceRegistrationService(DeviceRepository devices, DeviceKeyRepository keys, DeviceSecretSource secrets,
            Outbox outbox, AuditLog audit, DeviceConfig config, Clock clock) {
        this.devices = devices;
        this.keys = keys;
        this.secrets = secrets;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Links a new device to the user and issues its first key, within the user's device limit. */
    @WithTransaction
    public Uni<RegisteredDevice> register(UUID userId, String name) {
        return devices.lockUser(userId)
                .chain(() -> devices.countActive(userId))
                .chain(activeDevices -> {
                    if (activeDevices >= config.maxPerUser()) {
                        throw ProblemException.conflict("device-limit-reached", "Device limit reached",
                                "A user may link at most " + config.maxPerUser() + " active devices; unlink one first");
                    }
                    Instant now = clock.instant();
                    Device device = Device.register(userId, name.strip(), now);
                    DeviceKeyId keyId = new DeviceKeyId(device.id, FIRST_KEY_VERSION);
                    byte[] secret = secrets.secretOf(keyId);
                    DeviceKey key = DeviceKey.issue(device.id, FIRST_KEY_VERSION, DeviceSecrets.fingerprint(secret), now);
                    return devices.persist(device)
                            .chain(() -> keys.persist(key))
                            .chain(() -> outbox.add(new DeviceRegistered(device.id, userId, FIRST_KEY_VERSION,
                                    device.name, now)))
                            .chain(() -> audit.record("user:" + userId, "device.registered", "device:" + device.id,
                                    Map.of("name", device.name, "key_version", FIRST_KEY_VERSION)))
                            .replaceWith(new RegisteredDevice(device.id, device.name, FIRST_KEY_VERSION,
                                    keyId.toString(), DeviceSecrets.toHex(secret), now));
                });
    }

    @WithSession
    public Uni<List<DeviceView>> list(UUID userId) {
        return devices.ownedBy(userId).chain(owned -> owned.isEmpty() ? Uni.createFrom().item(List.<DeviceView>of()) : keys
                .list("deviceId in ?1", owned.stream().map(device -> device.id).toList())
                .map(allKeys -> owned.stream()
                        .map(device -> DeviceView.of(device, allKeys.stream()
                                .filter(key -> key.deviceId.equals(device.id))
                                .mapToInt(key -> key.keyVersion).max().orElse(FIRST_KEY_VERSION)))
                        .toList()));
    }
}
