package com.tradesignals.device.presence;

import com.tradesignals.contracts.events.devices.DeviceMissedSignals;
import com.tradesignals.platform.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Finds active devices silent (no poll started or answered) for longer than {@code devices.presence.silence-threshold}
 * while unexpired, unacknowledged deliveries wait for them, and announces each as {@code device.missed-signals.v1}
 * through the outbox, once per silent spell: the device row is marked in the same transaction, and the device's next
 * poll clears the mark. Safe on every replica at once: a device already marked by another replica is skipped.
 */
@ApplicationScoped
public class MissedSignals {

    private static final Logger LOG = Logger.getLogger(MissedSignals.class);
    private static final int BATCH = 500;

    private static final String MARK_SILENT = """
            with silent as (
                select d.id, d.user_id, coalesce(d.last_seen_at, d.created_at) as silent_since, w.waiting, w.oldest
                from devices d
                join lateral (
                    select count(*) as waiting, min(x.created_at) as oldest
                    from deliveries x join signals s on s.signal_id = x.signal_id
                    where x.device_id = d.id and x.sequence > d.last_ack_sequence and x.cancelled_at is null
                      and s.expires_at > $1) w on w.waiting > 0
                where d.is_active and d.missed_signals_announced_at is null
                  and coalesce(d.last_seen_at, d.created_at) < $2
                limit %d)
            update devices d set missed_signals_announced_at = $1
            from silent
            where d.id = silent.id and d.is_active and d.missed_signals_announced_at is null
              and coalesce(d.last_seen_at, d.created_at) < $2
            returning d.id, d.user_id, silent.silent_since, silent.waiting, silent.oldest
            """.formatted(BATCH);

    private final Pool database;
    private final Outbox outbox;
    private final PresenceConfig config;
    private final Clock clock;
    private final Counter announced;

    MissedSignals(Pool database, Outbox outbox, PresenceConfig config, Clock clock, MeterRegistry registry) {
        this.database = database;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.announced = Counter.builder("devices.missed.signals")
                .description("Silent spells of devices with deliveries waiting, announced as device.missed-signals.v1")
                .register(registry);
    }

    @Scheduled(every = "${devices.presence.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> checkOnSchedule() {
        return check().invoke(count -> {
            if (count > 0) {
                LOG.infof("%d devices silent with deliveries waiting", count);
            }
        }).replaceWithVoid();
    }

    /** Marks and announces one batch of newly silent devices; answers how many. */
    public Uni<Integer> check() {
        Instant now = clock.instant();
        return database.withTransaction(transaction -> transaction.preparedQuery(MARK_SILENT)
                .execute(Tuple.of(utc(now), utc(now.minus(config.silenceThreshold()))))
                .chain(rows -> {
                    List<DeviceMissedSignals> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(new DeviceMissedSignals(row.getUUID("id"), row.getUUID("user_id"),
                                Math.toIntExact(row.getLong("waiting")), row.getOffsetDateTime("oldest").toInstant(),
                                row.getOffsetDateTime("silent_since").toInstant(), now));
                    }
                    return announce(transaction, events).replaceWith(events.size());
                }))
                .invoke(count -> announced.increment(count));
    }

    private Uni<Void> announce(SqlClient transaction, List<DeviceMissedSignals> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> outbox.add(transaction, event))
                .collect().last().replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
