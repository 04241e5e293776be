package com.tradesignals.execution.ledger;

import com.tradesignals.execution.ExecutionConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Domain metrics of execution reporting (Prometheus names in docs/execution-service.md). */
@ApplicationScoped
public class ExecutionMetrics {

    private final MeterRegistry registry;
    private final Pool database;
    private final ExecutionStore store;
    private final AtomicLong orphanFills = new AtomicLong();
    private final Timer signalToFill;

    private final int orphanGaugeCap;

    ExecutionMetrics(MeterRegistry registry, Pool database, ExecutionStore store, ExecutionConfig config) {
        this.registry = registry;
        this.database = database;
        this.store = store;
        this.orphanGaugeCap = config.orphans().gaugeCap();
        registry.gauge("execution.orphan.fills", orphanFills);
        this.signalToFill = Timer.builder("execution.signal.to.fill")
                .description("From a signal's issue time to the reported time of each applied fill")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** {@code outcome}: an {@link Outcome}, REPLAYED, or the problem slug of a refused report. */
    public void report(String type, String outcome) {
        registry.counter("execution.reports", "type", type, "outcome", outcome).increment();
    }

    /** What a report did, once it committed: its outcome, and for a fill the overfill count or the latency. */
    public void applied(String type, LedgerChange change, Signal signal) {
        report(type, change.outcome().name());
        if (change.outcome() == Outcome.OVERFILL_QUARANTINED) {
            registry.counter("execution.overfills").increment();
        }
        if (change.outcome() == Outcome.FILL_APPLIED) {
            Duration latency = Duration.between(signal.issuedAt(), change.fill().filledAt());
            if (!latency.isNegative()) {
                signalToFill.record(latency);
            }
        }
    }

    /** A position snapshot disagreed with the records; {@code isNew}: not flagged before. */
    public void positionMismatch(boolean isNew) {
        registry.counter("execution.position.mismatches", "new", String.valueOf(isNew)).increment();
    }

    /** A user's devices diverged on a signal. */
    public void devicesDiverged() {
        registry.counter("execution.devices.diverged").increment();
    }

    /** An execution's order ended with its signal's expiry. */
    public void expired(Outcome outcome) {
        registry.counter("execution.expired", "outcome", outcome.name()).increment();
    }

    @Scheduled(every = "${execution.orphan-gauge-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshOrphanFills() {
        // Bounded: past the cap the gauge stays at the cap (an alert fires long before), the query's cost with it.
        return store.countWaitingFills(database, orphanGaugeCap).invoke(orphanFills::set).replaceWithVoid();
    }
}
