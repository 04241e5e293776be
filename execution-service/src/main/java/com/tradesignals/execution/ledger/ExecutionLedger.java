package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.executions.ExecutionFailed;
import com.tradesignals.contracts.events.executions.FillBusted;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.contracts.events.executions.SignalAcknowledged;
import com.tradesignals.execution.ExecutionConfig;
import com.tradesignals.execution.signals.Signal;
import com.tradesignals.platform.instruments.Instrument;
import com.tradesignals.platform.instruments.InstrumentCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state machine of one execution. It does no I/O: every method expects the execution locked by the caller, changes
 * it, and answers the {@link LedgerChange} (fill to store, event to publish) that the caller writes in the same
 * transaction as the execution, so a change and its announcement commit together.
 */
@ApplicationScoped
public class ExecutionLedger {

    private final ExecutionConfig config;
    private final InstrumentCatalogue instruments;
    private final FillPlausibility plausibility;

    ExecutionLedger(ExecutionConfig config, InstrumentCatalogue instruments, FillPlausibility plausibility) {
        this.config = config;
        this.instruments = instruments;
        this.plausibility = plausibility;
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
     * Decides a fill, which is stored whatever becomes of it. It is flagged when the execution was rejected or
     * expired, or when it is implausible ({@link FillPlausibility}); quarantined when it would overfill the signal;
     * held for review when the signal has no reference price to check it against (it counts for the execution but
     * earns nothing yet); otherwise applied, earning commission on the lots within the signal's copies cap. A trade id
     * already seen for this execution is a different report of the same broker trade ({@code tradeAlreadyReported})
     * and is not stored again.
     */
    public LedgerChange recordFill(Execution execution, Signal signal, ReportedFill reported,
            boolean tradeAlreadyReported) {
        if (tradeAlreadyReported) {
            return LedgerChange.of(Outcome.DUPLICATE_TRADE);
        }
        Fill fill = newFill(execution, reported);
        if (execution.state.isClosed()) {
            return flagged(fill, Outcome.FILL_FLAGGED, "after-" + execution.state.name().toLowerCase());
        }
        Optional<Instrument> instrument = instruments.find(signal.instrument);
        Optional<FillPlausibility.Implausible> implausible = plausibility.check(signal, instrument, reported);
        if (implausible.isPresent()) {
            return flagged(fill, implausible.get().outcome(), implausible.get().reason());
        }
        // The execution row carries the sums of its counted fills (kept under its row lock, recomputed from the
        // fills on a bust), so a fill reads none of the earlier fills.
        ExecutionFigures before = ExecutionFigures.ofTotals(execution.cumulativeSize, execution.notional);
        if (before.cumulativeSize().add(reported.size()).compareTo(signal.size) > 0) {
            fill.status = FillStatus.QUARANTINED;
            fill.flagReason = "overfill";
            return new LedgerChange(Outcome.OVERFILL_QUARANTINED, fill, null);
        }
        applyFigures(execution, signal, before.plus(fill.size, fill.notional), reported.receivedAt());
        countFillTime(execution, fill);
        if (signal.price == null) {
            fill.status = FillStatus.HELD;
            fill.flagReason = "no-reference-price";
            return new LedgerChange(Outcome.FILL_HELD_FOR_REVIEW, fill, null);
        }
        return new LedgerChange(Outcome.FILL_APPLIED, fill, apply(fill, execution, signal, instrument));
    }

    /**
     * An administrator approves a held, flagged or quarantined fill, one of {@code fillsOfExecution}: it counts (an
     * execution that was rejected or expired takes the state its fills give it: the broker did fill), earns commission
     * within the copies cap, and is announced by its one FillRecorded.
     */
    public FillRecorded approve(Execution execution, Signal signal, Fill fill, List<Fill> fillsOfExecution,
            Instant now) {
        FillStatus previous = fill.status;
        FillRecorded recorded = apply(fill, execution, signal, instruments.find(signal.instrument));
        if (previous != FillStatus.HELD) {
            if (execution.state.isClosed()) {
                // The broker did fill: the execution takes the state its fills give it.
                execution.state = ExecutionState.PARTIALLY_FILLED;
            }
            applyFigures(execution, signal, ExecutionFigures.of(fillsOfExecution), now);
            countFillTime(execution, fill);
        }
        return recorded;
    }

    /** An administrator rejects a fill awaiting review: it never counts; a held one leaves the execution's figures. */
    public void reject(Execution execution, Signal signal, Fill fill, List<Fill> fillsOfExecution, Instant now) {
        FillStatus previous = fill.status;
        fill.status = FillStatus.REJECTED;
        if (previous == FillStatus.HELD) {
            applyFigures(execution, signal, ExecutionFigures.of(fillsOfExecution), now);
        }
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
        signal.commissionableSize = signal.commissionableSize.subtract(fill.commissionableSize);
        applyFigures(execution, signal, ExecutionFigures.of(fillsOfExecution), now);
        BigDecimal notional = instruments.find(signal.instrument)
                .map(instrument -> instrument.notional(fill.size, fill.price)).orElse(null);
        return new FillBusted(fill.fillId, signal.signalId, fill.tradeId, signal.userId, execution.deviceId, fill.size,
                fill.price, notional, reason, now);
    }

    private static LedgerChange flagged(Fill fill, Outcome outcome, String reason) {
        fill.status = FillStatus.FLAGGED;
        fill.flagReason = reason;
        return new LedgerChange(outcome, fill, null);
    }

    /**
     * Makes a counted fill APPLIED: it earns commission on its lots that fit under the signal's copies cap (the lots
     * of all the user's devices on this signal, up to a multiple of its size), and is announced.
     */
    private FillRecorded apply(Fill fill, Execution execution, Signal signal, Optional<Instrument> instrument) {
        BigDecimal cap = signal.size.multiply(config.plausibility().commissionableCopies());
        BigDecimal room = cap.subtract(signal.commissionableSize).max(BigDecimal.ZERO);
        fill.status = FillStatus.APPLIED;
        fill.commissionableSize = fill.size.min(room).setScale(ExecutionFigures.SCALE, RoundingMode.UNNECESSARY);
        signal.commissionableSize = signal.commissionableSize.add(fill.commissionableSize);
        return new FillRecorded(fill.fillId, signal.signalId, fill.tradeId, signal.userId, execution.deviceId,
                signal.instrument, instrument.map(Instrument::assetClass).orElse(null), signal.side, fill.size,
                fill.commissionableSize, fill.price, instrument.map(Instrument::contractSize).orElse(null),
                instrument.map(Instrument::quoteCurrency).orElse(null),
                instrument.map(known -> known.notional(fill.size, fill.price)).orElse(null), fill.filledAt);
    }

    private static void countFillTime(Execution execution, Fill fill) {
        if (execution.firstFillAt == null || fill.filledAt.isBefore(execution.firstFillAt)) {
            execution.firstFillAt = fill.filledAt;
        }
        if (execution.lastFillAt == null || fill.filledAt.isAfter(execution.lastFillAt)) {
            execution.lastFillAt = fill.filledAt;
        }
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
        } else if (figures.cumulativeSize().compareTo(signal.size) >= 0) {
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
        fill.reportedSide = reported.side();
        fill.size = reported.size();
        fill.commissionableSize = BigDecimal.ZERO;
        fill.price = reported.price();
        fill.notional = ExecutionFigures.notionalOf(reported.size(), reported.price());
        fill.filledAt = reported.filledAt();
        fill.receivedAt = reported.receivedAt();
        return fill;
    }
}
