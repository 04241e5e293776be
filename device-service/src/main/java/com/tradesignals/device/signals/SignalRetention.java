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
 * never be handed out again, and are kept that long only as recent history. Idempotent, so every replica may run it.
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
                            select signal_id from signals where expires_at < $1 limit %d),
                        removed_deliveries as (
                            delete from deliveries where signal_id in (select signal_id from old))
                        delete from signals where signal_id in (select signal_id from old)
                        """.formatted(BATCH))
                .execute(Tuple.of(clock.instant().minus(config.retention()).atOffset(ZoneOffset.UTC)))
                .map(result -> result.rowCount());
    }
}
