package com.tradesignals.device.signals;

import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.platform.observability.TraceContexts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes deliveries. Every statement that makes a device's deliveries change also notifies
 * {@link #WAKEUP_CHANNEL} with the device id: PostgreSQL sends it only when the transaction commits, to every
 * replica that listens, so a poll parked anywhere re-reads once there is something to read.
 */
@ApplicationScoped
public class DeliveryRepository {

    /** The PostgreSQL notification channel; the payload is a device id. */
    public static final String WAKEUP_CHANNEL = "device_wakeups";

    /**
     * Stores the signal, unless a signal with its id was stored before, and gives it to every active device of
     * its user with each device's next sequence number (the device rows stay locked until commit, so sequences
     * never interleave). An expired signal is stored but given to no device; a live one for a user without an
     * active device is marked as awaiting one. One statement: this is the signal's path to a parked poll.
     * Answers how many devices got it.
     */
    Uni<Long> storeAndFanOut(SignalIssued signal, Instant now) {
        boolean isLive = signal.expiresAt().isAfter(now);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        with stored as (
                            insert into signals (signal_id, user_id, instrument, side, order_type, size, price,
                                                 stop_loss, take_profit, issued_at, expires_at, received_at,
                                                 traceparent, is_awaiting_device)
                            values (:signalId, :userId, :instrument, :side, :orderType, :size, :price,
                                    :stopLoss, :takeProfit, :issuedAt, :expiresAt, :now, :traceparent,
                                    :isLive and not exists (select 1 from devices where user_id = :userId and is_active))
                            on conflict (signal_id) do nothing
                            returning signal_id),
                        targets as (
                            update devices set next_sequence = next_sequence + 1
                            where user_id = :userId and is_active and :isLive and exists (select 1 from stored)
                            returning id, next_sequence),
                        delivered as (
                            insert into deliveries (device_id, sequence, signal_id, created_at)
                            select id, next_sequence, :signalId, :now from targets
                            returning device_id)
                        select count(*) from (select pg_notify('%s', device_id::text) from delivered) as notified
                        """.formatted(WAKEUP_CHANNEL), Long.class)
                .setParameter("signalId", signal.signalId())
                .setParameter("userId", signal.userId())
                .setParameter("instrument", signal.instrument())
                .setParameter("side", signal.side().name())
                .setParameter("orderType", signal.orderType().name())
                .setParameter("size", signal.size())
                .setParameter("price", signal.price())
                .setParameter("stopLoss", signal.stopLoss())
                .setParameter("takeProfit", signal.takeProfit())
                .setParameter("issuedAt", signal.issuedAt())
                .setParameter("expiresAt", signal.expiresAt())
                .setParameter("now", now)
                .setParameter("traceparent", TraceContexts.currentTraceparent())
                .setParameter("isLive", isLive)
                .getSingleResult());
    }

    /**
     * Hands the user's signals that are waiting for a device, unexpired, to this newly registered device, in
     * the order they were issued. Answers how many it got.
     */
    public Uni<Integer> claimAwaitingSignals(UUID userId, UUID deviceId, Instant now) {
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery("""
                        with claimed as (
                            update signals set is_awaiting_device = false
                            where user_id = :userId and is_awaiting_device and expires_at > :now
                            returning signal_id, issued_at),
                        delivered as (
                            insert into deliveries (device_id, sequence, signal_id, created_at)
                            select :deviceId, row_number() over (order by issued_at, signal_id), signal_id, :now
                            from claimed
                            returning sequence)
                        update devices set next_sequence = (select coalesce(max(sequence), 0) from delivered)
                        where id = :deviceId
                        """)
                .setParameter("userId", userId)
                .setParameter("deviceId", deviceId)
                .setParameter("now", now)
                .executeUpdate()));
    }

    /** Cancels what the device has not acknowledged yet and wakes its parked polls (which then answer 401). */
    public Uni<Void> cancelPending(UUID deviceId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update deliveries set cancelled_at = :now
                        where device_id = :deviceId and cancelled_at is null
                          and sequence > (select last_ack_sequence from devices where id = :deviceId)
                        """)
                .setParameter("deviceId", deviceId)
                .setParameter("now", now)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("select cast(pg_notify('" + WAKEUP_CHANNEL
                                + "', cast(:deviceId as text)) as text)")
                        .setParameter("deviceId", deviceId.toString())
                        .getSingleResult()))
                .replaceWithVoid();
    }
}
