package com.tradesignals.execution.devices;

import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.devices.DeviceKeyRotated;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.contracts.events.devices.DeviceRevoked;
import com.tradesignals.contracts.events.devices.DeviceSettingsChanged;
import com.tradesignals.platform.deviceauth.DeviceKeyCache;
import com.tradesignals.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps {@link KnownDevice} in step with devices.lifecycle.v1, each event applied once. A rotation or revocation,
 * once committed, also empties this replica's cache of the device's keys; other replicas' caches expire within
 * {@code device-auth.key-cache-ttl} (decision 0016).
 */
@ApplicationScoped
public class DeviceLifecycleConsumer {

    private static final String CONSUMER = "devices-lifecycle";

    private final Inbox inbox;
    private final KnownDeviceRepository devices;
    private final DeviceKeyCache keyCache;

    DeviceLifecycleConsumer(Inbox inbox, KnownDeviceRepository devices, DeviceKeyCache keyCache) {
        this.inbox = inbox;
        this.devices = devices;
        this.keyCache = keyCache;
    }

    @Incoming(CONSUMER)
    public Uni<Void> consume(Message<String> message) {
        Set<UUID> keysChanged = ConcurrentHashMap.newKeySet();
        return inbox.consume(CONSUMER, message, event -> apply(event, keysChanged))
                .invoke(() -> keysChanged.forEach(keyCache::forgetDevice));
    }

    private Uni<Void> apply(IntegrationEvent event, Set<UUID> keysChanged) {
        if (event instanceof DeviceRegistered registered) {
            return devices.findById(registered.deviceId()).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().voidItem();
                }
                KnownDevice device = new KnownDevice();
                device.deviceId = registered.deviceId();
                device.userId = registered.userId();
                device.isActive = true;
                device.keyVersion = registered.keyVersion();
                device.updatedAt = registered.occurredAt();
                return devices.persist(device).replaceWithVoid();
            });
        }
        if (event instanceof DeviceKeyRotated rotated) {
            keysChanged.add(rotated.deviceId());
            return devices.findById(rotated.deviceId()).invoke(device -> {
                if (device != null && rotated.keyVersion() > device.keyVersion) {
                    device.previousKeyVersion = device.keyVersion;
                    device.previousKeyValidUntil = rotated.previousKeyValidUntil();
                    device.keyVersion = rotated.keyVersion();
                    device.updatedAt = rotated.occurredAt();
                }
            }).replaceWithVoid();
        }
        if (event instanceof DeviceSettingsChanged changed) {
            return devices.findById(changed.deviceId()).invoke(device -> {
                if (device != null) {
                    device.isPaused = changed.isPaused();
                    device.lotMultiplier = changed.lotMultiplier();
                    device.fixedLots = changed.fixedLots();
                    device.maxLots = changed.maxLots();
                    device.allowedInstruments = changed.allowedInstruments() == null ? null
                            : changed.allowedInstruments().toArray(String[]::new);
                    device.updatedAt = changed.changedAt();
                }
            }).replaceWithVoid();
        }
        if (event instanceof DeviceRevoked revoked) {
            keysChanged.add(revoked.deviceId());
            return devices.findById(revoked.deviceId()).invoke(device -> {
                if (device != null) {
                    device.isActive = false;
                    device.updatedAt = revoked.occurredAt();
                }
            }).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
