package com.tradesignals.device.keys;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.device.LinkedDevice;
import com.tradesignals.device.TestClock;
import com.tradesignals.device.registry.DeviceKeyRepository;
import com.tradesignals.platform.deviceauth.DeviceAuthConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signed requests take a usable key from the replica's key cache (device-auth.key-cache-ttl; decision 0016).
 * A key ended on another replica stops working here as soon as its notification arrives, and without one when the
 * cache entry expires. Another replica is played by statements on the shared database.
 */
@QuarkusTest
class KeyChangesAcrossReplicasTest {


    @Inject
    TestClock clock;

    @Inject
    DeviceAuthConfig deviceAuth;

    @Inject
    Pool database;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aKeyEndedOnAnotherReplicaIsRefusedHereOnceItsNotificationArrives() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        device.poll("").statusCode(200);

        endKeysOnAnotherReplica(device.deviceId(), true);

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> refused(device));
    }

    @Test
    void aKeyEndedWithoutNotificationIsRefusedOnceTheCacheEntryExpires() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        device.poll("").statusCode(200);

        endKeysOnAnotherReplica(device.deviceId(), false);

        device.poll("").statusCode(200);
        clock.advance(deviceAuth.keyCacheTtl());
        refused(device);
    }

    private void endKeysOnAnotherReplica(UUID deviceId, boolean isAnnounced) {
        database.withTransaction(connection -> connection
                        .preparedQuery("update device_keys set valid_until = now() - interval '1 second' "
                                + "where device_id = $1")
                        .execute(Tuple.of(deviceId))
                        .chain(() -> isAnnounced
                                ? connection.preparedQuery("select count(*) from (select pg_notify($1, $2)) as notified")
                                        .execute(Tuple.of(DeviceKeyRepository.KEYS_CHANGED_CHANNEL, deviceId.toString()))
                                        .replaceWithVoid()
                                : Uni.createFrom().voidItem()))
                .await().atMost(Duration.ofSeconds(10));
    }

    private static void refused(LinkedDevice device) {
        device.poll("").statusCode(401).body("type", equalTo("/problems/unauthenticated"));
    }
}
