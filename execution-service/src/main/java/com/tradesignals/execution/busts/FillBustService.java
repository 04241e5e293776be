package com.tradesignals.execution.busts;

import com.tradesignals.execution.ledger.Execution;
import com.tradesignals.execution.ledger.ExecutionFigures;
import com.tradesignals.execution.ledger.ExecutionLedger;
import com.tradesignals.execution.ledger.Fill;
import com.tradesignals.execution.ledger.FillRepository;
import com.tradesignals.execution.ledger.FillStatus;
import com.tradesignals.execution.signals.Signal;
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
    private final ExecutionLedger ledger;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    FillBustService(FillRepository fills, ExecutionLedger ledger, Outbox outbox, AuditLog audit, Clock clock) {
        this.fills = fills;
        this.ledger = ledger;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reverses an applied fill, under its signal's and execution's locks, with its audit entry and FillBusted event. */
    @WithTransaction
    public Uni<BustedFill> bust(UUID fillId, String reason, UUID adminId) {
        Instant now = clock.instant();
        return fills.lockForCorrection(fillId).chain(locked -> {
            Fill fill = locked.fill();
            Execution execution = locked.execution();
            Signal signal = locked.signal();
            if (fill.status != FillStatus.APPLIED) {
                throw ProblemException.conflict("fill-not-bustable", "Fill cannot be busted",
                        "Only an applied fill can be busted; this one is " + fill.status);
            }
            return outbox.add(ledger.bust(execution, signal, fill, locked.fillsOfExecution(), reason, now))
                    .chain(() -> audit.record("admin:" + adminId, "fill.busted", "fill:" + fillId,
                            Map.of("reason", reason, "execution_id", execution.executionId, "trade_id", fill.tradeId,
                                    "size", fill.size.toPlainString(), "price", fill.price.toPlainString())))
                    .replaceWith(() -> new BustedFill(fill.fillId, execution.executionId, execution.signalId,
                            fill.tradeId, now, execution.state, execution.cumulativeSize,
                            ExecutionFigures.leaves(execution.state, signal.size, execution.cumulativeSize),
                            execution.averagePrice));
        });
    }
}
