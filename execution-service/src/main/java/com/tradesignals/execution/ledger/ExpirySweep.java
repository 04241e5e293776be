package com.tradesignals.execution.ledger;

import com.tradesignals.execution.ExecutionConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;

/** Marks EXPIRED the executions that never filled once their signal's expiry plus the grace period has passed. */
@ApplicationScoped
public class ExpirySweep {

    private final Pool database;
    private final ExecutionConfig config;
    private final Clock clock;

    ExpirySweep(Pool database, ExecutionConfig config, Clock clock) {
        this.database = database;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${execution.expiry-sweep-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireDue() {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        // The state condition is re-checked on the locked row, so a report applied meanwhile is never overwritten.
        return database.preparedQuery("update executions e set state = 'EXPIRED', expired_at = $1, updated_at = $1 "
                        + "from signals s where s.signal_id = e.signal_id and e.state in ('PENDING', 'ACKED') "
                        + "and s.expires_at is not null and s.expires_at < $2")
                // The cut-off is computed here: the PostgreSQL client cannot encode a String as an interval.
                .execute(Tuple.of(now, now.minus(config.expiryGrace())))
                .replaceWithVoid();
    }
}
