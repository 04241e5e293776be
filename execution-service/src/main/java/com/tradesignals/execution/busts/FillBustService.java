package com.tradesignals.execution.busts;

import com.tradesignals.execution.ledger.Correction;
import com.tradesignals.execution.ledger.Execution;
import com.tradesignals.execution.ledger.ExecutionFigures;
import com.tradesignals.execution.ledger.ExecutionLedger;
import com.tradesignals.execution.ledger.ExecutionStore;
import com.tradesignals.execution.ledger.Fill;
import com.tradesignals.execution.ledger.FillStatus;
import com.tradesignals.platform.audit.AuditLog;
import com.tradesignals.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class FillBustService {

    private final Pool database;
    private final ExecutionStore store;
    private final ExecutionLedger ledger;
    private final AuditLog audit;
    private final Clock clock;

    FillBustService(Pool database, ExecutionStore store, ExecutionLedger ledger, AuditLog audit, Clock clock) {
        this.database = database;
        this.store = store;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reverses an applied fill, under its signal's and execution's locks, with its audit entry and FillBusted event. */
    public Uni<BustedFill> bust(UUID fillId, String reason, UUID adminId) {
        Instant now = clock.instant();
        return database.withTransaction(transaction -> store.lockForCorrection(transaction, fillId).chain(locked -> {
            Fill fill = locked.fill();
            if (fill.status() != FillStatus.APPLIED) {
                throw ProblemException.conflict("fill-not-bustable", "Fill cannot be busted",
                        "Only an applied fill can be busted; this one is " + fill.status());
            }
            Correction bust = ledger.bust(locked.execution(), locked.signal(), fill, locked.fillsOfExecution(), reason,
                    now);
            Execution execution = bust.execution();
            return store.writeCorrection(transaction, bust)
                    .chain(() -> audit.record(transaction, "admin:" + adminId, "fill.busted", "fill:" + fillId,
                            Map.of("reason", reason, "execution_id", execution.executionId(), "trade_id",
                                    fill.tradeId(), "size", fill.size().toPlainString(), "price",
                                    fill.price().toPlainString())))
                    .replaceWith(() -> new BustedFill(fill.fillId(), execution.executionId(), execution.signalId(),
                            fill.tradeId(), now, execution.state(), execution.cumulativeSize(),
                            ExecutionFigures.leaves(execution.state(), execution.requestedOf(locked.signal()),
                                    execution.cumulativeSize()),
                            execution.averagePrice()));
        }));
    }
}
