package com.tradesignals.execution.busts;

import com.tradesignals.execution.ledger.ExecutionFigures;
import com.tradesignals.execution.ledger.ExecutionLedger;
import com.tradesignals.execution.ledger.ExecutionRepository;
import com.tradesignals.execution.ledger.FillRepository;
import com.tradesignals.execution.ledger.FillStatus;
import com.tradesignals.execution.signals.SignalRepository;
import com.tradesignals.platform.audit.AuditLog;
import com.tradesignals.platform.outbox.Outbox;
import com.tradesignals.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class FillBustService {

    private final FillRepository fills;
    private final ExecutionRepository executions;
    private final SignalRepository signals;
    private final ExecutionLedger ledger;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    FillBustService(FillRepository fills, ExecutionRepository executions, SignalRepository signals,
            ExecutionLedger ledger, Outbox outbox, AuditLog audit, Clock clock) {
        this.fills = fills;
        this.executions = executions;
        this.signals = signals;
        this.ledger = ledger;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reverses an applied fill, under the execution's lock, with its audit entry and FillBusted event. */
    @WithTransaction
    public Uni<BustedFill> bust(UUID fillId, String reason, UUID adminId) {
        Instant now = clock.instant();
        return fills.findById(fillId).chain(found -> {
            if (found == null) {
                throw ProblemException.notFound("Fill");
            }
            return executions.lockById(found.executionId)
                    // Read again under the lock: a concurrent bust of the same fill must see the first one's result.
                    .chain(execution -> fills.getSession().chain(session -> session.refresh(found)).replaceWith(found)
                            .chain(fill -> {
                        if (fill.status != FillStatus.APPLIED) {
                            throw ProblemException.conflict("fill-not-bustable", "Fill cannot be busted",
                                    "Only an applied fill can be busted; this one is " + fill.status);
                        }
                        return signals.findById(execution.signalId)
                                .chain(signal -> fills.ofExecution(execution.executionId)
                                        .chain(all -> outbox.add(ledger.bust(execution, signal, fill, all, reason, now)))
                                        .chain(() -> audit.record("admin:" + adminId, "fill.busted", "fill:" + fillId,
                                                Map.of("reason", reason, "execution_id", execution.executionId,
                                                        "trade_id", fill.tradeId, "size", fill.size.toPlainString(),
                                                        "price", fill.price.toPlainString())))
                                        .replaceWith(() -> new BustedFill(fill.fillId, execution.executionId,
                                                execution.signalId, fill.tradeId, now, execution.state,
                                                execution.cumulativeSize, ExecutionFigures.leaves(execution.state,
                                                        signal.size, execution.cumulativeSize),
                                                execution.averagePrice)));
                            }));
        });
    }
}
