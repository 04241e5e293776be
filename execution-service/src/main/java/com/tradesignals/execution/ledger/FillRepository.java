package com.tradesignals.execution.ledger;

import com.tradesignals.execution.signals.SignalRepository;
import com.tradesignals.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FillRepository implements PanacheRepositoryBase<Fill, UUID> {

    private final SignalRepository signals;
    private final ExecutionRepository executions;

    FillRepository(SignalRepository signals, ExecutionRepository executions) {
        this.signals = signals;
        this.executions = executions;
    }

    /**
     * The fill with its signal and execution locked (in that order, as device reports take them), read again under
     * the locks so that a concurrent correction of the same fill is seen; 404 if there is no such fill.
     */
    public Uni<LockedFill> lockForCorrection(UUID fillId) {
        return findById(fillId).onItem().ifNull().failWith(() -> ProblemException.notFound("Fill"))
                .chain(found -> signals.findById(found.signalId, LockModeType.PESSIMISTIC_WRITE)
                        .chain(signal -> executions.lockById(found.executionId)
                                .chain(execution -> getSession().chain(session -> session.refresh(found))
                                        .chain(() -> ofExecution(execution.executionId))
                                        .map(all -> new LockedFill(found, signal, execution, all)))));
    }

    /** Fills awaiting an administrator's decision, oldest first, after the given position if any. */
    public Uni<List<Fill>> awaitingReview(Collection<FillStatus> statuses, Instant afterReceivedAt, UUID afterFillId,
            int limit) {
        if (afterReceivedAt == null) {
            return find("status in ?1 order by receivedAt, fillId", statuses).page(0, limit).list();
        }
        return find("status in ?1 and (receivedAt > ?2 or (receivedAt = ?2 and fillId > ?3)) order by receivedAt, fillId",
                statuses, afterReceivedAt, afterFillId).page(0, limit).list();
    }

    public Uni<List<Fill>> ofExecution(UUID executionId) {
        return list("executionId = ?1 order by filledAt, fillId", executionId);
    }

    /** Whether this execution already has a fill (of any status) with this trade id: one indexed probe. */
    public Uni<Boolean> hasTrade(UUID executionId, String tradeId) {
        return find("executionId = ?1 and tradeId = ?2", executionId, tradeId).count().map(count -> count > 0);
    }

    public Uni<List<Fill>> ofExecutions(Collection<UUID> executionIds) {
        return list("executionId in ?1 order by filledAt, fillId", executionIds);
    }
}
