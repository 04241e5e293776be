package com.tradesignals.device.timeline;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads deliveries with their timeline, always through the owner's devices. A delivery's state is derived where it is
 * read: acknowledged is {@code sequence <= devices.last_ack_sequence}; expired is an unacknowledged delivery whose
 * signal expired and that can no longer be handed out (an open, or an action on an open the device never
 * acknowledged: see the poll statement).
 */
@ApplicationScoped
class DeliveryTimelineRepository {

    private static final String ENTRY = """
            select x.device_id, x.sequence, x.kind, x.signal_id, s.instrument, x.created_at, x.first_handed_at,
                   x.acknowledged_at, x.cancelled_at, s.expires_at,
                   case when x.cancelled_at is not null then 'cancelled'
                        when x.sequence <= d.last_ack_sequence then 'acknowledged'
                        when s.expires_at <= $1 and (x.kind = 'open' or not exists (
                            select 1 from deliveries o
                            where o.device_id = x.device_id and o.signal_id = x.signal_id and o.kind = 'open'
                              and o.sequence <= d.last_ack_sequence)) then 'expired'
                        when x.first_handed_at is not null then 'handed'
                        else 'waiting' end as state
            from devices d join deliveries x on x.device_id = d.id join signals s on s.signal_id = x.signal_id
            """;

    private static final String OF_DEVICE = """
            select * from (%s
                where d.id = $2 and d.user_id = $3
                  and ($4::timestamptz is null or x.created_at >= $4) and ($5::timestamptz is null or x.created_at < $5)
                  and ($6::bigint is null or x.sequence < $6)) entry
            where $7::text is null or entry.state = $7
            order by entry.sequence desc
            limit $8
            """.formatted(ENTRY);

    private static final String OF_SIGNAL = ENTRY + """
            where x.signal_id = $2 and d.user_id = $3
            order by x.created_at, x.device_id, x.sequence
            """;

    private final Pool database;

    DeliveryTimelineRepository(Pool database) {
        this.database = database;
    }

    Uni<Boolean> isOwnedDevice(UUID userId, UUID deviceId) {
        return database.preparedQuery("select 1 from devices where id = $1 and user_id = $2")
                .execute(Tuple.of(deviceId, userId)).map(rows -> rows.size() > 0);
    }

    Uni<Boolean> isOwnedSignal(UUID userId, UUID signalId) {
        return database.preparedQuery("select 1 from signals where signal_id = $1 and user_id = $2")
                .execute(Tuple.of(signalId, userId)).map(rows -> rows.size() > 0);
    }

    /**
     * The device's deliveries, newest first.
     *
     * @param beforeSequence only deliveries before this sequence (the page cursor); null from the newest
     * @param rowCount       how many rows at most
     */
    Uni<List<DeliveryEntry>> ofDevice(UUID userId, UUID deviceId, Instant from, Instant to, DeliveryState state,
            Long beforeSequence, int rowCount, Instant now) {
        return database.preparedQuery(OF_DEVICE)
                .execute(Tuple.from(new Object[] {utc(now), deviceId, userId, utc(from), utc(to), beforeSequence,
                        state == null ? null : state.value(), rowCount}))
                .map(DeliveryTimelineRepository::entries);
    }

    /** Every delivery of the signal to the user's devices, oldest first. */
    Uni<List<DeliveryEntry>> ofSignal(UUID userId, UUID signalId, Instant now) {
        return database.preparedQuery(OF_SIGNAL).execute(Tuple.of(utc(now), signalId, userId))
                .map(DeliveryTimelineRepository::entries);
    }

    private static List<DeliveryEntry> entries(RowSet<Row> rows) {
        List<DeliveryEntry> entries = new ArrayList<>();
        for (Row row : rows) {
            entries.add(new DeliveryEntry(row.getUUID("device_id"), row.getLong("sequence"), row.getString("kind"),
                    row.getUUID("signal_id"), row.getString("instrument"), row.getString("state"),
                    instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("first_handed_at")),
                    instant(row.getOffsetDateTime("acknowledged_at")), instant(row.getOffsetDateTime("cancelled_at")),
                    instant(row.getOffsetDateTime("expires_at"))));
        }
        return entries;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
