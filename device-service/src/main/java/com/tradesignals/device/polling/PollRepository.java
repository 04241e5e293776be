package com.tradesignals.device.polling;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.OrderType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The poll's one statement, on the reactive client directly (it is the hot path): acknowledge up to the
 * cursor and touch {@code last_poll_at} and {@code last_seen_at} only when either changes something, then read what
 * is due. The same statement stamps the deliveries' timeline: {@code acknowledged_at} on those the cursor newly
 * covers, {@code first_handed_at} on those it answers for the first time; an idle poll writes neither. An open is due
 * until its signal expires; a modify, cancel or close also after that, but then only to a device that acknowledged
 * the open (one that never got it must not get an action on it).
 */
@ApplicationScoped
public class PollRepository {

    private static final String ACKNOWLEDGE_AND_READ = """
            with touched as (
                update devices d set
                    last_ack_sequence = greatest(d.last_ack_sequence, least($2, d.next_sequence)),
                    last_ack_at = case when least($2, d.next_sequence) > d.last_ack_sequence then $3 else d.last_ack_at end,
                    last_poll_at = case when d.last_poll_at is null or d.last_poll_at < $4 then $3 else d.last_poll_at end,
                    last_seen_at = case when d.last_seen_at is null or d.last_seen_at < $6 then $3 else d.last_seen_at end,
                    missed_signals_announced_at = null
                where d.id = $1 and d.is_active
                  and (least($2, d.next_sequence) > d.last_ack_sequence or d.last_poll_at is null or d.last_poll_at < $4
                       or d.last_seen_at is null or d.last_seen_at < $6 or d.missed_signals_announced_at is not null)
                returning d.id),
            acknowledged as (
                update deliveries x set acknowledged_at = $3
                from devices d
                where d.id = $1 and d.is_active and x.device_id = d.id
                  and x.sequence > d.last_ack_sequence and x.sequence <= least($2, d.next_sequence)
                  and x.acknowledged_at is null and x.cancelled_at is null
                returning x.first_handed_at),
            due as (
                select x.sequence, x.created_at, x.first_handed_at, x.signal_id, x.kind, x.new_stop_loss,
                       x.new_take_profit, x.new_price, x.close_lots, x.acted_at, x.symbol, x.lots
                from devices d join deliveries x on x.device_id = d.id join signals y on y.signal_id = x.signal_id
                where d.id = $1 and d.is_active and x.sequence > greatest($2, d.last_ack_sequence)
                  and x.cancelled_at is null
                  and (y.expires_at > $3
                       or x.kind <> 'open' and exists (
                           select 1 from deliveries o
                           where o.device_id = d.id and o.signal_id = x.signal_id and o.kind = 'open'
                             and o.sequence <= greatest($2, d.last_ack_sequence)))
                order by x.sequence
                limit $5),
            handed as (
                update deliveries h set first_handed_at = $3
                from due
                where h.device_id = $1 and h.sequence = due.sequence and h.first_handed_at is null)
            select d.is_active, greatest(d.last_ack_sequence, least($2, d.next_sequence)) as acknowledged,
                   array(select (extract(epoch from $3 - a.first_handed_at) * 1000000)::bigint
                         from acknowledged a where a.first_handed_at is not null) as handed_to_acknowledged_micros,
                   due.sequence, due.created_at, due.first_handed_at, due.kind, due.new_stop_loss,
                   due.new_take_profit, due.new_price, due.close_lots, due.acted_at,
                   coalesce(due.symbol, s.instrument) as symbol, coalesce(due.lots, s.size) as lots, s.signal_id,
                   s.instrument,
                   s.side, s.order_type, s.size, s.price, s.stop_loss, s.take_profit, s.issued_at, s.expires_at,
                   s.traceparent
            from devices d
            left join due on true
            left join signals s on s.signal_id = due.signal_id
            where d.id = $1
            order by due.sequence
            """;

    private static final String SEEN = """
            update devices set last_seen_at = $2, missed_signals_announced_at = null
            where id = $1 and is_active and (last_seen_at is null or last_seen_at < $3)
            """;

    /**
     * Where a long poll announces itself ({@code <device id> <poll id>}), so that every replica answers the
     * device's older parked polls: {@link WakeupListener} hands each to {@link ParkedPolls#announced}.
     */
    public static final String ANNOUNCEMENT_CHANNEL = "device_poll_announcements";

    private static final String ANNOUNCE = "select pg_notify('" + ANNOUNCEMENT_CHANNEL + "', $1)";

    private static final String CLOSE = "close";

    private final Pool database;

    PollRepository(Pool database) {
        this.database = database;
    }

    /**
     * @param after         acknowledge everything up to it and read what follows (0: acknowledge nothing new)
     * @param pollStaleBefore write {@code last_poll_at} only if it is older than this
     * @param seenStaleBefore write {@code last_seen_at} only if it is older than this
     */
    Uni<DueDeliveries> acknowledgeAndRead(UUID deviceId, long after, int limit, Instant now, Instant pollStaleBefore,
            Instant seenStaleBefore) {
        return database.preparedQuery(ACKNOWLEDGE_AND_READ)
                .execute(Tuple.of(deviceId, after, utc(now), utc(pollStaleBefore), limit, utc(seenStaleBefore)))
                .map(PollRepository::due);
    }

    /** Records that the device was seen (a poll answered), unless it was within the write interval already. */
    Uni<Void> seen(UUID deviceId, Instant now, Instant seenStaleBefore) {
        return database.preparedQuery(SEEN).execute(Tuple.of(deviceId, utc(now), utc(seenStaleBefore)))
                .replaceWithVoid();
    }

    /** Committed at once (its own statement): every listening replica, this one too, gets it. */
    Uni<Void> announce(UUID deviceId, UUID pollId) {
        return database.preparedQuery(ANNOUNCE).execute(Tuple.of(deviceId + " " + pollId)).replaceWithVoid();
    }

    private static DueDeliveries due(RowSet<Row> rows) {
        boolean isActive = false;
        long acknowledged = 0;
        List<Duration> handedToAcknowledged = List.of();
        List<DueDeliveries.Due> due = new ArrayList<>();
        for (Row row : rows) {
            isActive = row.getBoolean("is_active");
            acknowledged = row.getLong("acknowledged");
            handedToAcknowledged = Arrays.stream(row.getArrayOfLongs("handed_to_acknowledged_micros"))
                    .map(micros -> Duration.of(micros, ChronoUnit.MICROS)).toList();
            Long sequence = row.getLong("sequence");
            if (sequence != null) {
                String kind = row.getString("kind");
                BigDecimal closeLots = row.getBigDecimal("close_lots");
                due.add(new DueDeliveries.Due(new DeliveredSignal(sequence, kind, row.getUUID("signal_id"),
                        row.getString("instrument"), row.getString("symbol"), Side.valueOf(row.getString("side")),
                        OrderType.valueOf(row.getString("order_type")), row.getBigDecimal("lots"),
                        row.getBigDecimal("size"),
                        row.getBigDecimal("price"), row.getBigDecimal("stop_loss"), row.getBigDecimal("take_profit"),
                        instant(row.getOffsetDateTime("issued_at")), instant(row.getOffsetDateTime("expires_at")),
                        row.getBigDecimal("new_stop_loss"), row.getBigDecimal("new_take_profit"),
                        row.getBigDecimal("new_price"), closeLots, CLOSE.equals(kind) && closeLots == null,
                        instant(row.getOffsetDateTime("acted_at"))),
                        instant(row.getOffsetDateTime("created_at")),
                        row.getOffsetDateTime("first_handed_at") == null, row.getString("traceparent")));
            }
        }
        return new DueDeliveries(isActive, acknowledged, due, handedToAcknowledged);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
