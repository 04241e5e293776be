package com.tradesignals.platform.deviceauth;

import com.tradesignals.contracts.signing.DeviceKeyId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Usable device keys as the {@link DeviceKeyDirectory} last answered, each for at most
 * {@code device-auth.key-cache-ttl} (decision 0016). Only usable keys are kept: a new key works at once, and a key
 * ends (revocation, rotation) here at the latest when its entry expires, at once where the service learns of it
 * ({@link #forgetDevice}). The end of a rotation's grace period is kept with the entry and checked on every use.
 */
@ApplicationScoped
public class DeviceKeyCache {

    private record Entry(DeviceKeyStatus status, Instant expiresAt) {
    }

    private final Map<DeviceKeyId, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every forget: a lookup that began before it does not store what it read. */
    private final AtomicLong forgets = new AtomicLong();
    private final DeviceAuthConfig config;
    private final Counter hits;
    private final Counter misses;

    DeviceKeyCache(DeviceAuthConfig config, MeterRegistry registry) {
        this.config = config;
        this.hits = Counter.builder("device.auth.key.lookups").tag("result", "cached")
                .description("Device key lookups of signed requests, answered from the cache or the directory")
                .register(registry);
        this.misses = Counter.builder("device.auth.key.lookups").tag("result", "directory")
                .description("Device key lookups of signed requests, answered from the cache or the directory")
                .register(registry);
    }

    /** The key's status from the cache when it is there, fresh and usable at {@code now}; else from the directory. */
    Uni<DeviceKeyStatus> find(DeviceKeyId keyId, Instant now, DeviceKeyDirectory directory) {
        Entry cached = entries.get(keyId);
        if (cached != null && now.isBefore(cached.expiresAt()) && cached.status().isUsableAt(now)) {
            hits.increment();
            return Uni.createFrom().item(cached.status());
        }
        misses.increment();
        long forgetsBefore = forgets.get();
        return directory.find(keyId, now).invoke(status -> remember(keyId, status, now, forgetsBefore));
    }

    private void remember(DeviceKeyId keyId, DeviceKeyStatus status, Instant now, long forgetsBefore) {
        if (status == null || !status.isUsableAt(now) || config.keyCacheTtl().isZero()) {
            entries.remove(keyId);
            return;
        }
        if (entries.size() >= config.keyCacheMaxEntries()) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
            if (entries.size() >= config.keyCacheMaxEntries()) {
                return;
            }
        }
        entries.put(keyId, new Entry(status, now.plus(config.keyCacheTtl())));
        if (forgets.get() != forgetsBefore) {
            // A forget ran while the directory was read: what it read may be what was forgotten.
            entries.remove(keyId);
        }
    }

    /** Every key of the device is looked up in the directory again: call it once a revocation or rotation committed. */
    public void forgetDevice(UUID deviceId) {
        forgets.incrementAndGet();
        entries.keySet().removeIf(keyId -> keyId.deviceId().equals(deviceId));
    }

    /** After changes may have been missed (a notification connection was lost), every key is looked up again. */
    public void forgetAll() {
        forgets.incrementAndGet();
        entries.clear();
    }
}
