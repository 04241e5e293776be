package com.tradesignals.device.signals;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Deletes signals, and their deliveries, that expired longer ago than {@code devices.signals.retention}: they can
 * never be handed out again, and are kept that long only as recent history. A signal a device acknowledged may have
 * opened a position whose modify and close actions still have to reach it: it is kept until it was settled (closed in
 * full or cancelled) that long ago, or for {@code devices.signals.position-retention} at most. Idempotent, so every
 * replica may run it.
 */
@ApplicationScoped
public class SignalRetention {

    private static final Logger LOG = Logger.getLogger(SignalRetention.class);
    private static final int BATCH = 10_000;

    private final Pool database;
    private final SignalsConfig config;
    private final Clock clock;

    SignalRetention(Pool database, SignalsConfig config, Clock clock) {
        this.database = database;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${devices.signals.purge-interval}", delayed = "${devices.signals.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOnSchedule() {
        return purge().invoke(deleted -> {
            if (deleted > 0) {
                LOG.infof("Deleted %d signals past their retention", deleted);
            }
        }).replaceWithVoid();
    }

    /** Deletes one batch of signals past retention with their deliveries; answers how many signals. */
    public Uni<Integer> purge() {
        return database.preparedQuery("""
                        with old as (
                            select s.signal_id from signals s
                            where s.expires_at < $1
                              and (s.settled_at < $1 or s.received_at < $2 or not exists (
                                  select 1 from deliveries o join devices d on d.id = o.device_id
                                  where o.signal_id = s.signal_id and o.kind = 'open' and o.cancelled_at is null
                                    and o.sequence <= d.last_ack_sequence))
                            limit %d),
                        removed_deliveries as (
                            delete from deliveries where signal_id in (select signal_id from old))
                        delete from signals where signal_id in (select signal_id from old)
                        """.formatted(BATCH))
                .execute(Tuple.of(clock.instant().minus(config.retention()).atOffset(ZoneOffset.UTC),
                        clock.instant().minus(config.positionRetention()).atOffset(ZoneOffset.UTC)))
                .map(result -> result.rowCount());
    }
}
