package com.tradesignals.execution.reports;

import com.tradesignals.execution.ExecutionConfig;
import com.tradesignals.execution.ledger.ExecutionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Reports whose signal never came: after {@code execution.orphans.max-wait} a report still AWAITING_SIGNAL is marked
 * SIGNAL_NEVER_ARRIVED, its stored answer (what a replay gets) says so, and after {@code execution.orphans.retention}
 * it is deleted. Each run handles at most {@code batch-size} rows per step, oldest first; replicas skip each other's
 * locked rows.
 */
@ApplicationScoped
public class OrphanReportExpiry {

    private final Pool database;
    private final ExecutionStore store;
    private final ExecutionConfig.Orphans config;
    private final MeterRegistry registry;
    private final Clock clock;

    OrphanReportExpiry(Pool database, ExecutionStore store, ExecutionConfig config, MeterRegistry registry,
            Clock clock) {
        this.database = database;
        this.store = store;
        this.config = config.orphans();
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(every = "${execution.orphans.sweep-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return expireDue().chain(this::deleteExpired).replaceWithVoid();
    }

    /** Expires the oldest reports past the wait; answers how many. */
    Uni<Integer> expireDue() {
        Instant now = clock.instant();
        return store.giveUpWaitingReports(database, now, now.minus(config.maxWait()), config.batchSize())
                .invoke(types -> types.forEach(type -> registry
                        .counter("execution.orphan.reports.expired", "type", type.name()).increment()))
                .map(types -> types.size());
    }

    /** Deletes the oldest expired reports past the retention; answers how many. */
    Uni<Integer> deleteExpired() {
        return store.deleteGivenUpReports(database, clock.instant().minus(config.retention()), config.batchSize());
    }
}
