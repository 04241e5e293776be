package com.tradesignals.device.timeline;

import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import com.tradesignals.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What became of the deliveries to a user's devices: created, first handed to the terminal, acknowledged, or
 * expired or cancelled before that. Another user's device or signal is answered like a missing one (404).
 */
@ApplicationScoped
public class DeliveryTimelineService {

    private final DeliveryTimelineRepository repository;
    private final Clock clock;

    DeliveryTimelineService(DeliveryTimelineRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * One page of the device's deliveries, newest first. The cursor is the last entry's creation time and, in its id,
     * its sequence: a device's sequence is its own keyset.
     */
    public Uni<Page<DeliveryEntry>> ofDevice(UUID userId, UUID deviceId, Instant from, Instant to,
            DeliveryState state, Cursor after, int limit) {
        Long beforeSequence = after == null ? null : after.id().getLeastSignificantBits();
        return repository.isOwnedDevice(userId, deviceId).chain(isOwned -> {
            if (!isOwned) {
                throw ProblemException.notFound("Device");
            }
            return repository.ofDevice(userId, deviceId, from, to, state, beforeSequence, limit + 1, clock.instant());
        }).map(rows -> Page.of(rows, limit,
                entry -> Cursor.after(entry.createdAt(), new UUID(0L, entry.sequence())), entry -> entry));
    }

    public Uni<SignalDeliveries> ofSignal(UUID userId, UUID signalId) {
        return repository.isOwnedSignal(userId, signalId).chain(isOwned -> {
            if (!isOwned) {
                throw ProblemException.notFound("Signal");
            }
            return repository.ofSignal(userId, signalId, clock.instant());
        }).map(entries -> new SignalDeliveries(signalId, entries));
    }
}
