package com.tradesignals.execution.ledger;

import com.tradesignals.execution.ExecutionConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** Marks EXPIRED the executions that never filled once their signal's expiry plus the grace period has passed. */
@ApplicationScoped
public class ExpirySweep {

    private final Pool database;
    private final ExecutionStore store;
    private final ExecutionConfig config;
    private final Clock clock;

    ExpirySweep(Pool database, ExecutionStore store, ExecutionConfig config, Clock clock) {
        this.database = database;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${execution.expiry-sweep-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireDue() {
        Instant now = clock.instant();
        return store.expireUnfilled(database, now, now.minus(config.expiryGrace())).replaceWithVoid();
    }
}
