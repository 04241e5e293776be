package com.tradesignals.execution.review;

import com.tradesignals.contracts.events.executions.FillReviewed;
import com.tradesignals.execution.ledger.Correction;
import com.tradesignals.execution.ledger.Execution;
import com.tradesignals.execution.ledger.ExecutionFigures;
import com.tradesignals.execution.ledger.ExecutionLedger;
import com.tradesignals.execution.ledger.ExecutionStore;
import com.tradesignals.execution.ledger.Fill;
import com.tradesignals.execution.ledger.FillStatus;
import com.tradesignals.execution.ledger.LockedFill;
import com.tradesignals.execution.ledger.Signal;
import com.tradesignals.platform.audit.AuditLog;
import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import com.tradesignals.platform.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The review queue: fills that were flagged, quarantined or held wait here for an administrator. Approving one makes
 * it count and publishes its one FillRecorded; rejecting keeps it, never counting. Both are audited and announced by
 * FillReviewed.
 */
@ApplicationScoped
public class FillReviewService {

    private static final List<FillStatus> AWAITING_REVIEW = List.of(FillStatus.HELD, FillStatus.QUARANTINED,
            FillStatus.FLAGGED);

    private final Pool database;
    private final ExecutionStore store;
    private final ExecutionLedger ledger;
    private final AuditLog audit;
    private final Clock clock;
    private final MeterRegistry registry;

    FillReviewService(Pool database, ExecutionStore store, ExecutionLedger ledger, AuditLog audit, Clock clock,
            MeterRegistry registry) {
        this.database = database;
        this.store = store;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.registry = registry;
    }

    /** Fills awaiting review, oldest first; only those of {@code status} if given. */
    public Uni<Page<FillUnderReview>> queue(FillStatus status, Cursor after, int limit) {
        if (status != null && !status.awaitsReview()) {
            throw ProblemException.badRequest("validation", "Invalid request", "Invalid fields: status");
        }
        return store.awaitingReview(database, status == null ? AWAITING_REVIEW : List.of(status),
                        after == null ? null : after.at(), after == null ? null : after.id(), limit + 1)
                .map(rows -> Page.of(rows, limit, row -> Cursor.after(row.fill().receivedAt(), row.fill().fillId()),
                        row -> FillUnderReview.of(row.fill(), row.signal())));
    }

    public Uni<ReviewedFill> approve(UUID fillId, String reason, UUID adminId) {
        return decide(fillId, "APPROVED", reason, adminId, (locked, now) -> ledger.approve(locked.execution(),
                locked.signal(), locked.fill(), locked.fillsOfExecution(), now));
    }

    public Uni<ReviewedFill> reject(UUID fillId, String reason, UUID adminId) {
        return decide(fillId, "REJECTED", reason, adminId, (locked, now) -> ledger.reject(locked.execution(),
                locked.signal(), locked.fill(), locked.fillsOfExecution(), now));
    }

    /**
     * Decides a fill awaiting review, under its signal's and execution's locks: writes what the ledger decided, with
     * the review recorded on the fill, its audit entry and FillReviewed, in one transaction.
     */
    private Uni<ReviewedFill> decide(UUID fillId, String decision, String reason, UUID adminId,
            BiFunction<LockedFill, Instant, Correction> ledgerDecision) {
        Instant now = clock.instant();
        return database.withTransaction(transaction -> store.lockForCorrection(transaction, fillId).chain(locked -> {
            FillStatus previous = awaitingReview(locked.fill());
            Correction decided = ledgerDecision.apply(locked, now);
            Fill fill = decided.fill().reviewed(now, adminId, reason);
            Signal signal = locked.signal();
            return store.writeCorrection(transaction, new Correction(decided.execution(), fill, decided.event(),
                            decided.signalCommissionableSize()))
                    .chain(() -> audit.recordChange(transaction, new FillReviewed(fill.fillId(), signal.signalId(),
                            fill.tradeId(), signal.userId(), fill.deviceId(), previous.name(), decision, reason,
                            adminId, now), "admin:" + adminId, "fill." + decision.toLowerCase(),
                            "fill:" + fill.fillId(), Map.of("reason", reason, "previous_status", previous.name(),
                                    "flag_reason", fill.flagReason() == null ? "" : fill.flagReason(),
                                    "commissionable_size", fill.commissionableSize().toPlainString())))
                    .invoke(() -> registry.counter("execution.fill.reviews", "decision", decision,
                            "previous_status", previous.name()).increment())
                    .replaceWith(() -> reviewed(fill, previous, decided.execution(), signal, now));
        }));
    }

    private static FillStatus awaitingReview(Fill fill) {
        if (!fill.status().awaitsReview()) {
            throw ProblemException.conflict("fill-not-under-review", "Fill is not under review",
                    "Only a held, flagged or quarantined fill can be approved or rejected; this one is "
                            + fill.status());
        }
        return fill.status();
    }

    private static ReviewedFill reviewed(Fill fill, FillStatus previous, Execution execution, Signal signal,
            Instant now) {
        return new ReviewedFill(fill.fillId(), previous, fill.status(), fill.commissionableSize(), now,
                execution.executionId(), execution.state(), execution.cumulativeSize(),
                ExecutionFigures.leaves(execution.state(), execution.requestedOf(signal), execution.cumulativeSize()),
                execution.averagePrice());
    }
}
