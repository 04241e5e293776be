package com.tradesignals.platform.deviceauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.contracts.signing.DeviceKeyId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The key cache's bound: what it answers for a key that changed in the directory, and for how long. */
class DeviceKeyCacheTest {

    private static final Duration TTL = Duration.ofSeconds(10);
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    private final DeviceKeyId keyId = new DeviceKeyId(UUID.randomUUID(), 1);
    private final UUID userId = UUID.randomUUID();
    private final Directory directory = new Directory(new DeviceKeyStatus(keyId.deviceId(), userId, true));

    @Test
    void aUsableKeyIsLookedUpOnceWithinTheTimeToLive() {
        DeviceKeyCache cache = cache(2);

        assertThat(find(cache, START).isUsable()).isTrue();
        assertThat(find(cache, START.plus(TTL).minusMillis(1)).isUsable()).isTrue();

        assertThat(directory.lookups.get()).isEqualTo(1);
    }

    @Test
    void aKeyRevokedWithoutNoticeIsRefusedOnceItsEntryExpires() {
        DeviceKeyCache cache = cache(2);
        find(cache, START);

        directory.status.set(new DeviceKeyStatus(keyId.deviceId(), userId, false));

        assertThat(find(cache, START.plus(TTL).minusMillis(1)).isUsable()).isTrue();
        assertThat(find(cache, START.plus(TTL)).isUsable()).isFalse();
    }

    @Test
    void aForgottenDeviceIsLookedUpAgainAtOnce() {
        DeviceKeyCache cache = cache(2);
        find(cache, START);
        directory.status.set(new DeviceKeyStatus(keyId.deviceId(), userId, false));

        cache.forgetDevice(keyId.deviceId());

        assertThat(find(cache, START.plusMillis(1)).isUsable()).isFalse();
    }

    @Test
    void aKeyInItsRotationGraceIsRefusedWhenTheGraceEndsEvenIfCached() {
        DeviceKeyCache cache = cache(2);
        Instant graceEnds = START.plusSeconds(2);
        directory.status.set(new DeviceKeyStatus(keyId.deviceId(), userId, true, graceEnds));
        find(cache, START);

        DeviceKeyStatus afterGrace = find(cache, graceEnds);

        assertThat(afterGrace.isUsableAt(graceEnds)).isFalse();
        assertThat(directory.lookups.get()).isEqualTo(2);
    }

    @Test
    void whatALookupReadBeforeAForgetIsNotKept() {
        DeviceKeyCache cache = cache(2);
        directory.beforeAnswering = () -> cache.forgetDevice(keyId.deviceId());
        find(cache, START);
        directory.beforeAnswering = () -> { };

        find(cache, START.plusMillis(1));

        assertThat(directory.lookups.get()).isEqualTo(2);
    }

    @Test
    void unknownAndUnusableKeysAreNotKept() {
        DeviceKeyCache cache = cache(2);
        directory.status.set(null);
        find(cache, START);
        directory.status.set(new DeviceKeyStatus(keyId.deviceId(), userId, true));

        assertThat(find(cache, START.plusMillis(1)).isUsable()).isTrue();
        assertThat(directory.lookups.get()).isEqualTo(2);
    }

    @Test
    void aFullCacheKeepsNoMoreEntries() {
        DeviceKeyCache cache = cache(1);
        find(cache, START);
        DeviceKeyId another = new DeviceKeyId(UUID.randomUUID(), 1);

        cache.find(another, START, directory).await().indefinitely();
        cache.find(another, START, directory).await().indefinitely();

        assertThat(directory.lookups.get()).isEqualTo(3);
    }

    private DeviceKeyStatus find(DeviceKeyCache cache, Instant now) {
        return cache.find(keyId, now, directory).await().indefinitely();
    }

    private static DeviceKeyCache cache(int maxEntries) {
        return new DeviceKeyCache(new Config(maxEntries), new SimpleMeterRegistry());
    }

    private static final class Directory implements DeviceKeyDirectory {

        final AtomicReference<DeviceKeyStatus> status;
        final AtomicInteger lookups = new AtomicInteger();
        volatile Runnable beforeAnswering = () -> { };

        Directory(DeviceKeyStatus status) {
            this.status = new AtomicReference<>(status);
        }

        @Override
        public Uni<DeviceKeyStatus> find(DeviceKeyId keyId, Instant now) {
            lookups.incrementAndGet();
            DeviceKeyStatus answer = status.get();
            beforeAnswering.run();
            return Uni.createFrom().item(answer);
        }
    }

    private record Config(int keyCacheMaxEntries) implements DeviceAuthConfig {

        @Override
        public Optional<String> masterKey() {
            return Optional.empty();
        }

        @Override
        public Duration clockSkew() {
            return Duration.ofSeconds(60);
        }

        @Override
        public int maxBodyBytes() {
            return 65536;
        }

        @Override
        public Duration noncePurgeInterval() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration keyCacheTtl() {
            return TTL;
        }

        @Override
        public int nonceBatchMaxSize() {
            return 500;
        }
    }
}
