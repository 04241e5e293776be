package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.executions.ExecutionFailed;
import com.tradesignals.contracts.events.executions.FillBusted;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.contracts.events.executions.SignalAcknowledged;
import com.tradesignals.execution.ExecutionConfig;
import com.tradesignals.execution.signals.Signal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The state machine of one execution. It does no I/O: every method expects the execution locked by the caller, changes
 * it, and answers the {@link LedgerChange} (fill to store, event to publish) that the caller writes in the same
 * transaction as the execution, so a change and its announcement commit together.
 */
@ApplicationScoped
public class ExecutionLedger {

    private final ExecutionConfig config;

    ExecutionLedger(ExecutionConfig config) {
        this.config = config;
    }

    /** Marks an execution that never filled EXPIRED once its signal's expiry plus the grace period has passed. */
    public void expireIfDue(Execution execution, Signal signal, Instant now) {
        if (execution.state.isOpenWithoutFills() && signal.expiresAt != null
                && now.isAfter(signal.expiresAt.plus(config.expiryGrace()))) {
            execution.state = ExecutionState.EXPIRED;
            execution.expiredAt = now;
            execution.updatedAt = now;
        }
    }

    /** The first acknowledgement is announced; later ones, or one after the end, change nothing. */
    public LedgerChange acknowledge(Execution execution, Signal signal, Instant now) {
        if (execution.state.isClosed()) {
            return LedgerChange.of(Outcome.IGNORED);
        }
        if (execution.acknowledgedAt != null) {
            return LedgerChange.of(Outcome.ALREADY_ACKNOWLEDGED);
        }
        execution.acknowledgedAt = now;
        execution.updatedAt = now;
        if (execution.state == ExecutionState.PENDING) {
            execution.state = ExecutionState.ACKED;
        }
        return new LedgerChange(Outcome.ACKNOWLEDGED, null, new SignalAcknowledged(execution.executionId,
                signal.signalId, signal.userId, execution.deviceId, now));
    }

    /**
     * Applies a fill unless it would overfill the signal (quarantined) or the execution was rejected or expired
     * (flagged); either way the fill is stored. A trade id already seen for this execution is a different report of
     * the same broker trade ({@code tradeAlreadyReported}) and is not stored again.
     */
    public LedgerChange recordFill(Execution execution, Signal signal, ReportedFill reported,
            boolean tradeAlreadyReported) {
        if (tradeAlreadyReported) {
            return LedgerChange.of(Outcome.DUPLICATE_TRADE);
        }
        Fill fill = newFill(execution, reported);
        if (execution.state.isClosed()) {
            fill.status = FillStatus.FLAGGED;
            fill.flagReason = "after-" + execution.state.name().toLowerCase();
            return new LedgerChange(Outcome.FILL_FLAGGED, fill, null);
        }
        // The execution row carries the sums of its APPLIED fills (kept under its row lock, recomputed from the
        // fills on a bust), so a fill reads none of the earlier fills.
        ExecutionFigures before = ExecutionFigures.ofTotals(execution.cumulativeSize, execution.notional);
        if (before.cumulativeSize().add(reported.size()).compareTo(signal.size) > 0) {
            fill.status = FillStatus.QUARANTINED;
            fill.flagReason = "overfill";
            return new LedgerChange(Outcome.OVERFILL_QUARANTINED, fill, null);
        }
        fill.status = FillStatus.APPLIED;
        applyFigures(execution, signal, before.plus(fill.size, fill.notional), reported.receivedAt());
        if (execution.firstFillAt == null || reported.filledAt().isBefore(execution.firstFillAt)) {
            execution.firstFillAt = reported.filledAt();
        }
        if (execution.lastFillAt == null || reported.filledAt().isAfter(execution.lastFillAt)) {
            execution.lastFillAt = reported.filledAt();
        }
        return new LedgerChange(Outcome.FILL_APPLIED, fill, new FillRecorded(fill.fillId, signal.signalId,
                fill.tradeId, signal.userId, execution.deviceId, signal.instrument, signal.side, fill.size, fill.price,
                fill.notional, fill.filledAt));
    }

    /** An error before any fill rejects the execution; after a partial fill it is recorded; after the end, ignored. */
    public LedgerChange fail(Execution execution, Signal signal, int statusCode, String message, Instant now) {
        if (execution.state.isClosed() || execution.state == ExecutionState.FILLED) {
            return LedgerChange.of(Outcome.IGNORED);
        }
        execution.errorCode = statusCode;
        execution.errorMessage = message;
        execution.failedAt = now;
        execution.updatedAt = now;
        if (execution.state == ExecutionState.PARTIALLY_FILLED) {
            return LedgerChange.of(Outcome.ERROR_RECORDED);
        }
        execution.state = ExecutionState.REJECTED;
        return new LedgerChange(Outcome.REJECTED, null, new ExecutionFailed(execution.executionId, signal.signalId,
                signal.userId, execution.deviceId, statusCode, message, now));
    }

    /**
     * Reverses an applied fill, one of {@code fillsOfExecution}: the figures and state are recomputed from the fills
     * that remain. Answers the event announcing it.
     */
    public FillBusted bust(Execution execution, Signal signal, Fill fill, List<Fill> fillsOfExecution, String reason,
            Instant now) {
        fill.status = FillStatus.BUSTED;
        fill.bustedAt = now;
        fill.bustReason = reason;
        applyFigures(execution, signal, ExecutionFigures.of(fillsOfExecution), now);
        return new FillBusted(fill.fillId, signal.signalId, fill.tradeId, signal.userId, execution.deviceId, fill.size,
                fill.price, fill.notional, reason, now);
    }

    private static void applyFigures(Execution execution, Signal signal, ExecutionFigures figures, Instant now) {
        execution.cumulativeSize = figures.cumulativeSize();
        execution.notional = figures.notional();
        execution.averagePrice = figures.averagePrice();
        execution.updatedAt = now;
        if (execution.state.isClosed()) {
            return;
        }
        if (figures.cumulativeSize().signum() == 0) {
            execution.state = execution.acknowledgedAt != null ? ExecutionState.ACKED : ExecutionState.PENDING;
        } else if (figures.cumulativeSize().compareTo(signal.size) == 0) {
            execution.state = ExecutionState.FILLED;
        } else {
            execution.state = ExecutionState.PARTIALLY_FILLED;
        }
    }

    private static Fill newFill(Execution execution, ReportedFill reported) {
        Fill fill = new Fill();
        fill.fillId = reported.fillId();
        fill.executionId = execution.executionId;
        fill.signalId = execution.signalId;
        fill.deviceId = execution.deviceId;
        fill.userId = execution.userId;
        fill.tradeId = reported.tradeId();
        fill.size = reported.size();
        fill.price = reported.price();
        fill.notional = ExecutionFigures.notionalOf(reported.size(), reported.price());
        fill.filledAt = reported.filledAt();
        fill.receivedAt = reported.receivedAt();
        return fill;
    }
}
