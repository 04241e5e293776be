package com.tradesignals.device.registration;

import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.contracts.events.devices.DeviceRenamed;
import com.tradesignals.contracts.events.devices.DeviceRevoked;
import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceSecrets;
import com.tradesignals.device.DeviceConfig;
import com.tradesignals.device.presence.PresenceConfig;
import com.tradesignals.device.registry.Device;
import com.tradesignals.device.registry.DeviceAudit;
import com.tradesignals.device.registry.DeviceKey;
import com.tradesignals.device.registry.DeviceKeyRepository;
import com.tradesignals.device.registry.DeviceRepository;
import com.tradesignals.device.signals.DeliveryRepository;
import com.tradesignals.platform.deviceauth.DeviceKeyCache;
import com.tradesignals.platform.deviceauth.DeviceSecretSource;
import com.tradesignals.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Links, lists, renames and unlinks a user's devices. Every change is audited and announced through the outbox. */
@ApplicationScoped
public class DeviceRegistrationService {

    private static final int FIRST_KEY_VERSION = 1;

    private final DeviceRepository devices;
    private final DeviceKeyRepository keys;
    private final DeliveryRepository deliveries;
    private final DeviceSecretSource secrets;
    private final DeviceKeyCache keyCache;
    private final DeviceAudit audit;
    private final DeviceConfig config;
    private final PresenceConfig presence;
    private final Clock clock;

    DeviceRegistrationService(DeviceRepository devices, DeviceKeyRepository keys, DeliveryRepository deliveries,
            DeviceSecretSource secrets, DeviceKeyCache keyCache, DeviceAudit audit, DeviceConfig config,
            PresenceConfig presence, Clock clock) {
        this.devices = devices;
        this.keys = keys;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.keyCache = keyCache;
        this.audit = audit;
        this.config = config;
        this.presence = presence;
        this.clock = clock;
    }

    /**
     * Links a new device to the user and issues its first key, within the user's device limit. Signals that
     * were waiting for a device of this user (none was linked when they arrived) are delivered to it.
     */
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
                            .chain(() -> deliveries.claimAwaitingSignals(userId, device.id, now))
                            .chain(() -> audit.recordChange(new DeviceRegistered(device.id, userId, FIRST_KEY_VERSION,
                                    device.name, now), userId, "device.registered", device.id,
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
                        .map(device -> view(device, allKeys.stream()
                                .filter(key -> key.deviceId.equals(device.id))
                                .mapToInt(key -> key.keyVersion).max().orElse(FIRST_KEY_VERSION)))
                        .toList()));
    }

    @WithSession
    public Uni<DeviceView> get(UUID userId, UUID deviceId) {
        return devices.findOwned(userId, deviceId).chain(this::view);
    }

    /** Gives an active device a new name; an unchanged name changes nothing and announces nothing. */
    @WithTransaction
    public Uni<DeviceView> rename(UUID userId, UUID deviceId, String name) {
        String newName = name.strip();
        return devices.lockOwned(userId, deviceId).chain(device -> {
            device.requireActive();
            if (device.name.equals(newName)) {
                return view(device);
            }
            Instant now = clock.instant();
            String previousName = device.name;
            device.rename(newName, now);
            return currentKeyVersion(device.id)
                    .call(keyVersion -> audit.recordChange(
                            new DeviceRenamed(device.id, userId, keyVersion, newName, now),
                            userId, "device.renamed", device.id, Map.of("from", previousName, "to", newName)))
                    .map(keyVersion -> view(device, keyVersion));
        });
    }

    /**
     * Unlinks a device: it becomes inactive (the row stays as history), every key version ends now, its
     * unacknowledged deliveries are cancelled and its parked polls are answered 401. Unlinking an unlinked
     * device changes nothing. Once committed, no replica authenticates the device from its key cache.
     */
    public Uni<Void> unlink(UUID userId, UUID deviceId) {
        return Panache.withTransaction(() -> unlinkInTransaction(userId, deviceId))
                .invoke(() -> keyCache.forgetDevice(deviceId));
    }

    private Uni<Void> unlinkInTransaction(UUID userId, UUID deviceId) {
        return devices.lockOwned(userId, deviceId).chain(device -> {
            if (!device.isActive) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            device.unlink(now);
            return keys.expireAll(device.id, now)
                    .chain(() -> keys.announceChange(device.id))
                    .chain(() -> deliveries.cancelPending(device.id, now))
                    .chain(() -> currentKeyVersion(device.id))
                    .call(keyVersion -> audit.recordChange(new DeviceRevoked(device.id, userId, keyVersion, now),
                            userId, "device.revoked", device.id, Map.of("key_version", keyVersion)))
                    .replaceWithVoid();
        });
    }

    private Uni<DeviceView> view(Device device) {
        return currentKeyVersion(device.id).map(keyVersion -> view(device, keyVersion));
    }

    private DeviceView view(Device device, int keyVersion) {
        return DeviceView.of(device, keyVersion, presence.isOnline(device.lastSeenAt, clock.instant()));
    }

    private Uni<Integer> currentKeyVersion(UUID deviceId) {
        return keys.ofDevice(deviceId).map(all -> all.isEmpty() ? FIRST_KEY_VERSION : all.get(0).keyVersion);
    }
}
