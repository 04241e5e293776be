package com.tradesignals.execution.review;

import com.tradesignals.contracts.events.executions.FillReviewed;
import com.tradesignals.execution.ledger.Execution;
import com.tradesignals.execution.ledger.ExecutionFigures;
import com.tradesignals.execution.ledger.ExecutionLedger;
import com.tradesignals.execution.ledger.Fill;
import com.tradesignals.execution.ledger.FillRepository;
import com.tradesignals.execution.ledger.FillStatus;
import com.tradesignals.execution.ledger.LockedFill;
import com.tradesignals.execution.signals.Signal;
import com.tradesignals.execution.signals.SignalRepository;
import com.tradesignals.platform.audit.AuditLog;
import com.tradesignals.platform.outbox.Outbox;
import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import com.tradesignals.platform.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The review queue: fills that were flagged, quarantined or held wait here for an administrator. Approving one makes
 * it count and publishes its one FillRecorded; rejecting keeps it, never counting. Both are audited and announced by
 * FillReviewed.
 */
@ApplicationScoped
public class FillReviewService {

    private static final List<FillStatus> AWAITING_REVIEW = List.of(FillStatus.HELD, FillStatus.QUARANTINED,
            FillStatus.FLAGGED);

    private final FillRepository fills;
    private final SignalRepository signals;
    private final ExecutionLedger ledger;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final MeterRegistry registry;

    FillReviewService(FillRepository fills, SignalRepository signals, ExecutionLedger ledger, Outbox outbox,
            AuditLog audit, Clock clock, MeterRegistry registry) {
        this.fills = fills;
        this.signals = signals;
        this.ledger = ledger;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.registry = registry;
    }

    /** Fills awaiting review, oldest first; only those of {@code status} if given. */
    @WithSession
    public Uni<Page<FillUnderReview>> queue(FillStatus status, Cursor after, int limit) {
        if (status != null && !status.awaitsReview()) {
            throw ProblemException.badRequest("validation", "Invalid request", "Invalid fields: status");
        }
        return fills.awaitingReview(status == null ? AWAITING_REVIEW : List.of(status),
                        after == null ? null : after.at(), after == null ? null : after.id(), limit + 1)
                .chain(rows -> signals.list("signalId in ?1", rows.stream().map(fill -> fill.signalId).distinct().toList())
                        .map(found -> found.stream().collect(Collectors.toMap(signal -> signal.signalId,
                                Function.identity())))
                        .map(signalsById -> Page.of(rows, limit, row -> Cursor.after(row.receivedAt, row.fillId),
                                row -> FillUnderReview.of(row, signalsById.get(row.signalId)))));
    }

    @WithTransaction
    public Uni<ReviewedFill> approve(UUID fillId, String reason, UUID adminId) {
        Instant now = clock.instant();
        return fills.lockForCorrection(fillId).chain(locked -> {
            FillStatus previous = awaitingReview(locked.fill());
            return outbox.add(ledger.approve(locked.execution(), locked.signal(), locked.fill(),
                            locked.fillsOfExecution(), now))
                    .chain(() -> decided(locked, previous, "APPROVED", reason, adminId, now));
        });
    }

    @WithTransaction
    public Uni<ReviewedFill> reject(UUID fillId, String reason, UUID adminId) {
        Instant now = clock.instant();
        return fills.lockForCorrection(fillId).chain(locked -> {
            FillStatus previous = awaitingReview(locked.fill());
            ledger.reject(locked.execution(), locked.signal(), locked.fill(), locked.fillsOfExecution(), now);
            return decided(locked, previous, "REJECTED", reason, adminId, now);
        });
    }

    private static FillStatus awaitingReview(Fill fill) {
        if (!fill.status.awaitsReview()) {
            throw ProblemException.conflict("fill-not-under-review", "Fill is not under review",
                    "Only a held, flagged or quarantined fill can be approved or rejected; this one is " + fill.status);
        }
        return fill.status;
    }

    private Uni<ReviewedFill> decided(LockedFill locked, FillStatus previous, String decision, String reason,
            UUID adminId, Instant now) {
        Fill fill = locked.fill();
        Execution execution = locked.execution();
        Signal signal = locked.signal();
        fill.reviewedAt = now;
        fill.reviewedBy = adminId;
        fill.reviewReason = reason;
        return outbox.add(new FillReviewed(fill.fillId, signal.signalId, fill.tradeId, signal.userId, fill.deviceId,
                        previous.name(), decision, reason, adminId, now))
                .chain(() -> audit.record("admin:" + adminId, "fill." + decision.toLowerCase(), "fill:" + fill.fillId,
                        Map.of("reason", reason, "previous_status", previous.name(),
                                "flag_reason", fill.flagReason == null ? "" : fill.flagReason,
                                "commissionable_size", fill.commissionableSize.toPlainString())))
                .invoke(() -> registry.counter("execution.fill.reviews", "decision", decision,
                        "previous_status", previous.name()).increment())
                .replaceWith(() -> new ReviewedFill(fill.fillId, previous, fill.status, fill.commissionableSize, now,
                        execution.executionId, execution.state, execution.cumulativeSize,
                        ExecutionFigures.leaves(execution.state, signal.size, execution.cumulativeSize),
                        execution.averagePrice));
    }
}
