package com.tradesignals.execution.divergence;

import com.tradesignals.execution.ExecutionConfig;
import com.tradesignals.execution.ledger.ExecutionMetrics;
import com.tradesignals.execution.ledger.ExecutionStore;
import com.tradesignals.platform.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Tells a user when their devices no longer trade alike: on a signal one device filled while another rejected it or
 * has not acknowledged it within {@code execution.divergence.ack-timeout}. Each such signal is marked and announced
 * ({@code execution.devices-diverged.v1}) once, in one transaction.
 */
@ApplicationScoped
public class DivergenceWatch {

    private final Pool database;
    private final ExecutionStore store;
    private final Outbox outbox;
    private final ExecutionMetrics metrics;
    private final ExecutionConfig.Divergence config;
    private final Clock clock;

    DivergenceWatch(Pool database, ExecutionStore store, Outbox outbox, ExecutionMetrics metrics,
            ExecutionConfig config, Clock clock) {
        this.database = database;
        this.store = store;
        this.outbox = outbox;
        this.metrics = metrics;
        this.config = config.divergence();
        this.clock = clock;
    }

    @Scheduled(every = "${execution.divergence.check-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> announceDiverged() {
        Instant now = clock.instant();
        return database.withTransaction(transaction -> store.markDiverged(transaction, now,
                        now.minus(config.lookback()), now.minus(config.ackTimeout()), config.batchSize())
                .chain(diverged -> {
                    Uni<Void> announced = Uni.createFrom().voidItem();
                    for (var event : diverged) {
                        announced = announced.chain(() -> outbox.add(transaction, event))
                                .invoke(metrics::devicesDiverged);
                    }
                    return announced;
                }));
    }
}
