package com.tradesignals.device.polling;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The long polls this instance holds, by device. A parked poll holds no thread: it is a future that a wake-up
 * completes on the request's own event loop. When the application shuts down they are drained: each answers what
 * it has (usually nothing) at once, and a poll that arrives afterwards does not park, so a rollout never cuts one.
 */
@ApplicationScoped
public class ParkedPolls {

    private final Map<UUID, Set<ParkedPoll>> byDevice = new ConcurrentHashMap<>();
    private final AtomicInteger parkedCount = new AtomicInteger();
    private volatile boolean isDraining;

    ParkedPolls(MeterRegistry registry) {
        Gauge.builder("device.polls.parked", parkedCount, AtomicInteger::get)
                .description("Long polls parked on this instance, waiting for a delivery")
                .register(registry);
    }

    /**
     * Registers a poll before it first reads, so that a delivery committed during that read still wakes it, and
     * before it is announced, so that its own announcement finds it.
     */
    ParkedPoll park(UUID deviceId, Context context) {
        ParkedPoll poll = new ParkedPoll(UUID.randomUUID(), deviceId, context);
        byDevice.computeIfAbsent(deviceId, ignored -> ConcurrentHashMap.newKeySet()).add(poll);
        parkedCount.incrementAndGet();
        return poll;
    }

    /** Something changed for the device (a delivery, an unlink): its parked polls read again. */
    public void wake(UUID deviceId) {
        Set<ParkedPoll> polls = byDevice.get(deviceId);
        if (polls != null) {
            polls.forEach(ParkedPoll::wake);
        }
    }

    /** After notifications may have been missed (the listener reconnected), every parked poll reads again. */
    public void wakeAll() {
        byDevice.values().forEach(polls -> polls.forEach(ParkedPoll::wake));
    }

    /**
     * A long poll of the device was announced (on any replica, this one included), in the one order PostgreSQL
     * delivers notifications to every listener: the device's polls here announced before it are superseded; the
     * announced poll itself, and polls whose own announcement is still to come (they are later), stay.
     */
    public void announced(UUID deviceId, UUID pollId) {
        Set<ParkedPoll> polls = byDevice.get(deviceId);
        if (polls != null) {
            polls.forEach(poll -> {
                if (poll.id.equals(pollId)) {
                    poll.isAnnounced = true;
                } else if (poll.isAnnounced) {
                    poll.supersede();
                }
            });
        }
    }

    /**
     * After announcements may have been missed (the listener reconnected), every poll parked here counts as
     * announced: they are all older than any announcement still to come.
     */
    public void announcedAll() {
        byDevice.values().forEach(polls -> polls.forEach(ParkedPoll::markAnnounced));
    }

    /**
     * Shutdown begins (Quarkus' pre-shutdown, {@code quarkus.shutdown.delay-enabled}): before the HTTP server waits
     * for in-flight requests (at most {@code quarkus.shutdown.timeout}), every parked poll answers.
     */
    void drain(@Observes ShutdownDelayInitiatedEvent shuttingDown) {
        isDraining = true;
        wakeAll();
    }

    int parkedCount() {
        return parkedCount.get();
    }

    boolean isParked(UUID deviceId) {
        return byDevice.containsKey(deviceId);
    }

    int parkedCount(UUID deviceId) {
        return byDevice.getOrDefault(deviceId, Set.of()).size();
    }

    /** Polls of the device parked here whose announcement has come back. */
    long announcedCount(UUID deviceId) {
        return byDevice.getOrDefault(deviceId, Set.of()).stream().filter(poll -> poll.isAnnounced).count();
    }

    /** One parked request. */
    final class ParkedPoll {

        private final UUID id;
        private final UUID deviceId;
        private final Context context;
        private final AtomicBoolean hasLeft = new AtomicBoolean();
        private volatile CompletableFuture<Boolean> wakeUp = new CompletableFuture<>();
        private volatile boolean isAnnounced;
        private volatile boolean isSuperseded;

        private ParkedPoll(UUID id, UUID deviceId, Context context) {
            this.id = id;
            this.deviceId = deviceId;
            this.context = context;
        }

        /** Names this poll in its announcement. */
        UUID id() {
            return id;
        }

        UUID deviceId() {
            return deviceId;
        }

        /**
         * A newer poll of the same device was announced after this one: answer at once. Read it after every
         * {@link #rearm} and wake-up (it is set before the wake-up, so neither order misses it).
         */
        boolean isSuperseded() {
            return isSuperseded;
        }

        /** When its announcement could not be sent: a later poll may still supersede it. */
        void markAnnounced() {
            isAnnounced = true;
        }

        private void supersede() {
            isSuperseded = true;
            wake();
        }

        /** Forgets earlier wake-ups: call before reading again. */
        void rearm() {
            wakeUp = new CompletableFuture<>();
        }

        /**
         * {@code true} when woken (maybe already, since the last {@link #rearm}), {@code false} after the timeout or,
         * at once, while the application shuts down.
         */
        Uni<Boolean> awaitWake(Duration timeout) {
            if (isDraining) {
                return Uni.createFrom().item(false);
            }
            CompletableFuture<Boolean> current = wakeUp;
            return Uni.createFrom().completionStage(current)
                    .ifNoItem().after(timeout).recoverWithItem(false);
        }

        private void wake() {
            CompletableFuture<Boolean> current = wakeUp;
            if (context == null) {
                current.complete(true);
            } else {
                context.runOnContext(ignored -> current.complete(true));
            }
        }

        void leave() {
            if (hasLeft.compareAndSet(false, true)) {
                byDevice.computeIfPresent(deviceId, (id, polls) -> {
                    polls.remove(this);
                    return polls.isEmpty() ? null : polls;
                });
                parkedCount.decrementAndGet();
            }
        }
    }
}
