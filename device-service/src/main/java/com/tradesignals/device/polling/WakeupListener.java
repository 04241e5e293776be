package com.tradesignals.device.polling;

import com.tradesignals.device.registry.DeviceKeyRepository;
import com.tradesignals.device.signals.DeliveryRepository;
import com.tradesignals.platform.deviceauth.DeviceKeyCache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * LISTENs on {@link DeliveryRepository#WAKEUP_CHANNEL} with one connection per instance and wakes the polls
 * parked here for the device named in each notification. PostgreSQL notifies every listening instance on
 * commit, so it does not matter which replica consumed the signal or served the unlink. On the same connection,
 * {@link PollRepository#ANNOUNCEMENT_CHANNEL}: a new long poll of a device supersedes its older ones, wherever
 * they are parked (decision 0105). And {@link DeviceKeyRepository#KEYS_CHANGED_CHANNEL}: a revoked or rotated
 * device's keys leave this instance's key cache (decision 0016).
 */
@ApplicationScoped
public class WakeupListener {

    private static final Logger LOG = Logger.getLogger(WakeupListener.class);
    private static final Duration RECONNECT_DELAY = Duration.ofMillis(500);

    private final ParkedPolls parked;
    private final DeviceKeyCache keyCache;
    private final PgSubscriber subscriber;

    WakeupListener(ParkedPolls parked, DeviceKeyCache keyCache, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.parked = parked;
        this.keyCache = keyCache;
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setMetricsName("device-wakeup-listener");
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        this.subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempts -> RECONNECT_DELAY.toMillis());
    }

    void start(@Observes StartupEvent started) {
        subscriber.channel(DeliveryRepository.WAKEUP_CHANNEL)
                .handler(this::wake)
                // On a reconnect notifications may have been missed: every parked poll reads again.
                .subscribeHandler(parked::wakeAll);
        subscriber.channel(PollRepository.ANNOUNCEMENT_CHANNEL)
                .handler(this::announced)
                .subscribeHandler(parked::announcedAll);
        subscriber.channel(DeviceKeyRepository.KEYS_CHANGED_CHANNEL)
                .handler(this::keysChanged)
                .subscribeHandler(keyCache::forgetAll);
        subscriber.connect().await().atMost(Duration.ofSeconds(30));
        LOG.infof("Listening for device wake-ups on channel %s", DeliveryRepository.WAKEUP_CHANNEL);
    }

    void stop(@Observes ShutdownEvent stopping) {
        subscriber.close().await().atMost(Duration.ofSeconds(5));
    }

    private void announced(String payload) {
        String[] deviceAndPoll = payload.split(" ", 2);
        try {
            parked.announced(UUID.fromString(deviceAndPoll[0]), UUID.fromString(deviceAndPoll[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException notAnAnnouncement) {
            LOG.warnf("Ignoring a poll announcement that names no device and poll: %s", payload);
        }
    }

    private void keysChanged(String deviceId) {
        try {
            keyCache.forgetDevice(UUID.fromString(deviceId));
        } catch (IllegalArgumentException notADeviceId) {
            LOG.warnf("Ignoring a key change that names no device: %s", deviceId);
        }
    }

    private void wake(String deviceId) {
        try {
            parked.wake(UUID.fromString(deviceId));
        } catch (IllegalArgumentException notADeviceId) {
            LOG.warnf("Ignoring a wake-up that names no device: %s", deviceId);
        }
    }
}
