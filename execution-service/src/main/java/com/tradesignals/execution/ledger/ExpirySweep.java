package com.tradesignals.execution.ledger;

import com.tradesignals.execution.ExecutionConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Ends the orders whose signal's expiry plus the grace period has passed: one that never filled becomes EXPIRED, a
 * partially filled one DONE, each announced on executions.v1 in the transaction that changes it. A run takes at most
 * {@code execution.expiry-batch-size} of them, oldest expiry first; the next run goes on.
 */
@ApplicationScoped
public class ExpirySweep {

    private final Pool database;
    private final ExecutionStore store;
    private final ExecutionLedger ledger;
    private final ExecutionMetrics metrics;
    private final ExecutionConfig config;
    private final Clock clock;

    ExpirySweep(Pool database, ExecutionStore store, ExecutionLedger ledger, ExecutionMetrics metrics,
            ExecutionConfig config, Clock clock) {
        this.database = database;
        this.store = store;
        this.ledger = ledger;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${execution.expiry-sweep-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireDue() {
        Instant now = clock.instant();
        return database.withTransaction(transaction -> store.lockDueToExpire(transaction,
                        now.minus(config.expiryGrace()), config.expiryBatchSize())
                .chain(due -> {
                    Uni<Void> written = Uni.createFrom().voidItem();
                    for (ExecutionStore.ExecutionAndSignal each : due) {
                        LedgerChange change = ledger.expireIfDue(each.execution(), each.signal(), now);
                        written = written.chain(() -> store.writeChange(transaction, change))
                                .invoke(() -> metrics.expired(change.outcome()));
                    }
                    return written;
                }));
    }
}
