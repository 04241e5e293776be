package com.tradesignals.device.signals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.device.settings.DeliveryPlans;
import com.tradesignals.platform.observability.TraceContexts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    private final ObjectMapper json;

    DeliveryRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Stores the signal, unless a signal with its id was stored before, and gives it to each of {@code targets} (the
     * user's active devices that take it, with their symbol and lots) with each device's next sequence number (the
     * device rows stay locked until commit, so sequences never interleave). An expired signal is stored but given to
     * no device; a live one for a user without an active device is marked as awaiting one. One statement: this is the
     * signal's path to a parked poll. Answers how many devices got it.
     */
    Uni<Long> storeAndFanOut(SignalIssued signal, List<DeliveryPlans.Target> targets, Instant now) {
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
                        planned as (
                            -- Bound as text: the client would send a String bound to jsonb as a JSON string.
                            select * from jsonb_to_recordset(cast(cast(:targets as text) as jsonb))
                                as planned (device_id uuid, symbol text, lots numeric)),
                        targets as (
                            update devices d set next_sequence = d.next_sequence + 1 from planned
                            where d.id = planned.device_id and d.user_id = :userId and d.is_active and :isLive
                              and exists (select 1 from stored)
                            returning d.id, d.next_sequence, planned.symbol, planned.lots),
                        delivered as (
                            insert into deliveries (device_id, sequence, signal_id, created_at, symbol, lots)
                            select id, next_sequence, :signalId, :now, symbol, lots from targets
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
                .setParameter("targets", targetsJson(targets))
                .getSingleResult());
    }

    private String targetsJson(List<DeliveryPlans.Target> targets) {
        try {
            return json.writeValueAsString(targets.stream().map(target -> Map.of("device_id", target.deviceId(),
                    "symbol", target.symbol(), "lots", target.lots())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("delivery targets are always serialisable", e);
        }
    }

    /**
     * Gives an action on a signal (modify, close; cancel through {@link #cancel}) to every active device of the user
     * that has the signal's open delivery, uncancelled, with each device's next sequence number: after the open, so
     * a device never gets an action on a signal it was not given. Answers how many devices got it.
     */
    Uni<Long> deliverAction(UUID userId, UUID signalId, DeliveryAction action, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        with targets as (
                            update devices d set next_sequence = d.next_sequence + 1 from deliveries o
                            where d.user_id = :userId and d.is_active
                              and o.device_id = d.id and o.signal_id = :signalId and o.kind = 'open'
                              and o.cancelled_at is null
                              and (not :onlyAcknowledged or o.sequence <= d.last_ack_sequence)
                            returning d.id, d.next_sequence, o.symbol, o.lots),
                        delivered as (
                            insert into deliveries (device_id, sequence, signal_id, created_at, kind, new_stop_loss,
                                                    new_take_profit, new_price, close_lots, acted_at, symbol, lots)
                            select t.id, t.next_sequence, :signalId, :now, :kind, :newStopLoss, :newTakeProfit,
                                   :newPrice,
                                   -- A partial close is of the device's own lots, in proportion to the signal's.
                                   trunc(cast(:closeLots as numeric) * coalesce(t.lots, s.size) / s.size, 8),
                                   :actedAt, t.symbol, t.lots
                            from targets t join signals s on s.signal_id = :signalId
                            returning device_id)
                        select count(*) from (select pg_notify('%s', device_id::text) from delivered) as notified
                        """.formatted(WAKEUP_CHANNEL), Long.class)
                .setParameter("userId", userId)
                .setParameter("signalId", signalId)
                .setParameter("onlyAcknowledged", action.kind() == DeliveryAction.Kind.CANCEL)
                .setParameter("kind", action.kind().column())
                .setParameter("newStopLoss", action.newStopLoss())
                .setParameter("newTakeProfit", action.newTakeProfit())
                .setParameter("newPrice", action.newPrice())
                .setParameter("closeLots", action.closeLots())
                .setParameter("actedAt", action.actedAt())
                .setParameter("now", now)
                .getSingleResult());
    }

    /** The upstream closed the signal's position in full or withdrew it: retention may forget it (SignalRetention). */
    Uni<Void> settle(UUID userId, UUID signalId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update signals set settled_at = :now
                        where signal_id = :signalId and user_id = :userId and settled_at is null
                        """)
                .setParameter("signalId", signalId)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Withdraws a signal: it no longer waits for a device; a device that has not acknowledged its open delivery
     * loses it (and whatever action on it is queued behind) and gets no cancel; a device that acknowledged it keeps
     * what is queued and gets a cancel delivery after it. The user's device rows are locked first, so a poll cannot acknowledge the open in between.
     * Answers how many devices got the cancel.
     */
    Uni<Long> cancel(UUID userId, UUID signalId, Instant cancelledAt, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select count(*) from (select id from devices where user_id = :userId order by id for update)
                        as locked
                        """, Long.class)
                .setParameter("userId", userId)
                .getSingleResult()
                .chain(() -> session.createNativeQuery("""
                                with withdrawn as (
                                    update signals set is_awaiting_device = false where signal_id = :signalId)
                                update deliveries x set cancelled_at = :now
                                where x.signal_id = :signalId and x.cancelled_at is null
                                  and exists (select 1 from deliveries o join devices d on d.id = o.device_id
                                              where o.device_id = x.device_id and o.signal_id = x.signal_id
                                                and o.kind = 'open' and o.sequence > d.last_ack_sequence)
                                """)
                        .setParameter("signalId", signalId)
                        .setParameter("now", now)
                        .executeUpdate()))
                .chain(() -> deliverAction(userId, signalId, DeliveryAction.cancel(cancelledAt), now));
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
                            returning signal_id, issued_at, instrument, size),
                        delivered as (
                            -- A device just registered has no settings yet: it trades the signal as issued.
                            insert into deliveries (device_id, sequence, signal_id, created_at, symbol, lots)
                            select :deviceId, row_number() over (order by issued_at, signal_id), signal_id, :now,
                                   instrument, size
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
