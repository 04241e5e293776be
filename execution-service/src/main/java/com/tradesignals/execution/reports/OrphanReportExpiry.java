package com.tradesignals.execution.reports;

import com.tradesignals.execution.ExecutionConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reports whose signal never came: after {@code execution.orphans.max-wait} a report still AWAITING_SIGNAL is marked
 * SIGNAL_NEVER_ARRIVED, its stored answer (what a replay gets) says so, and after {@code execution.orphans.retention}
 * it is deleted. Each run handles at most {@code batch-size} rows per step, oldest first; replicas skip each other's
 * locked rows.
 */
@ApplicationScoped
public class OrphanReportExpiry {

    private final Pool database;
    private final ExecutionConfig.Orphans config;
    private final MeterRegistry registry;
    private final Clock clock;

    OrphanReportExpiry(Pool database, ExecutionConfig config, MeterRegistry registry, Clock clock) {
        this.database = database;
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
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        // The outcome is re-checked on the locked row: a report its signal reconciled meanwhile stays applied.
        return database.preparedQuery("with due as (select id from execution_reports where outcome = 'AWAITING_SIGNAL' "
                        + "and received_at < $2 order by received_at limit $3 for update skip locked) "
                        + "update execution_reports r set outcome = 'SIGNAL_NEVER_ARRIVED', response_status = 200, "
                        + "response_body = jsonb_set(r.response_body::jsonb, '{outcome}', '\"SIGNAL_NEVER_ARRIVED\"')::text, "
                        + "reconciled_at = $1 from due where r.id = due.id and r.outcome = 'AWAITING_SIGNAL' "
                        + "returning r.report_type")
                .execute(Tuple.of(now, now.minus(config.maxWait()), config.batchSize()))
                .invoke(expired -> {
                    for (Row row : expired) {
                        registry.counter("execution.orphan.reports.expired", "type", row.getString(0)).increment();
                    }
                })
                .map(expired -> expired.rowCount());
    }

    /** Deletes the oldest expired reports past the retention; answers how many. */
    Uni<Integer> deleteExpired() {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return database.preparedQuery("delete from execution_reports where id in (select id from execution_reports "
                        + "where outcome = 'SIGNAL_NEVER_ARRIVED' and reconciled_at < $1 order by reconciled_at limit $2 "
                        + "for update skip locked)")
                .execute(Tuple.of(now.minus(config.retention()), config.batchSize()))
                .map(deleted -> deleted.rowCount());
    }
}
