package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.executions.ExecutionFailed;
import com.tradesignals.contracts.events.executions.FillBusted;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.contracts.events.executions.SignalAcknowledged;
import com.tradesignals.execution.ExecutionConfig;
import com.tradesignals.platform.instruments.Instrument;
import com.tradesignals.platform.instruments.InstrumentCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state machine of one execution. It does no I/O and changes nothing: every method is given plain values (the
 * execution, locked by the caller, its signal, the fill) and answers what they become, as a {@link LedgerChange}
 * (execution, fill to store, event to publish, the signal's commissionable lots) that the caller writes through
 * {@link ExecutionStore} in one transaction, so a change and its announcement commit together.
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

    /** An execution that never filled becomes EXPIRED once its signal's expiry plus the grace period has passed. */
    public Execution expireIfDue(Execution execution, Signal signal, Instant now) {
        if (execution.state().isOpenWithoutFills() && signal.expiresAt() != null
                && now.isAfter(signal.expiresAt().plus(config.expiryGrace()))) {
            return execution.expired(now);
        }
        return execution;
    }

    /** The first acknowledgement is announced; later ones, or one after the end, change nothing. */
    public LedgerChange acknowledge(Execution execution, Signal signal, Instant now) {
        if (execution.state().isClosed()) {
            return LedgerChange.of(Outcome.IGNORED, execution);
        }
        if (execution.acknowledgedAt() != null) {
            return LedgerChange.of(Outcome.ALREADY_ACKNOWLEDGED, execution);
        }
        ExecutionState state = execution.state() == ExecutionState.PENDING ? ExecutionState.ACKED : execution.state();
        return new LedgerChange(Outcome.ACKNOWLEDGED, execution.acknowledged(state, now), null,
                new SignalAcknowledged(execution.executionId(), signal.signalId(), signal.userId(),
                        execution.deviceId(), now), null);
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
            return LedgerChange.of(Outcome.DUPLICATE_TRADE, execution);
        }
        Fill fill = newFill(execution, reported);
        if (execution.state().isClosed()) {
            return flagged(execution, fill, Outcome.FILL_FLAGGED, "after-" + execution.state().name().toLowerCase());
        }
        Optional<Instrument> instrument = instruments.find(signal.instrument());
        Optional<FillPlausibility.Implausible> implausible = plausibility.check(signal, instrument, reported);
        if (implausible.isPresent()) {
            return flagged(execution, fill, implausible.get().outcome(), implausible.get().reason());
        }
        // The execution row carries the sums of its counted fills (kept under its row lock, recomputed from the
        // fills on a bust), so a fill reads none of the earlier fills.
        ExecutionFigures before = ExecutionFigures.ofTotals(execution.cumulativeSize(), execution.notional());
        if (before.cumulativeSize().add(reported.size()).compareTo(signal.size()) > 0) {
            return new LedgerChange(Outcome.OVERFILL_QUARANTINED, execution,
                    fill.withStatus(FillStatus.QUARANTINED, "overfill"), null, null);
        }
        Execution counted = withFigures(execution, signal, before.plus(fill.size(), fill.notional()),
                reported.receivedAt()).withFillTime(fill.filledAt());
        if (signal.price() == null) {
            return new LedgerChange(Outcome.FILL_HELD_FOR_REVIEW, counted,
                    fill.withStatus(FillStatus.HELD, "no-reference-price"), null, null);
        }
        Correction applied = applied(counted, signal, fill, instrument);
        return new LedgerChange(Outcome.FILL_APPLIED, applied.execution(), applied.fill(), applied.event(),
                applied.signalCommissionableSize());
    }

    /**
     * An administrator approves a held, flagged or quarantined fill, one of {@code fillsOfExecution}: it counts (an
     * execution that was rejected or expired takes the state its fills give it: the broker did fill), earns commission
     * within the copies cap, and is announced by its one FillRecorded.
     */
    public Correction approve(Execution execution, Signal signal, Fill fill, List<Fill> fillsOfExecution,
            Instant now) {
        if (fill.status() == FillStatus.HELD) {
            // It counts already: only its commission and its announcement were waiting.
            return applied(execution, signal, fill, instruments.find(signal.instrument()));
        }
        // The broker did fill: an execution that was rejected or expired takes the state its fills give it.
        Execution reopened = execution.state().isClosed()
                ? execution.withState(ExecutionState.PARTIALLY_FILLED, now) : execution;
        Fill counted = fill.withStatus(FillStatus.APPLIED, fill.flagReason());
        Execution refigured = withFigures(reopened, signal, ExecutionFigures.of(replaced(fillsOfExecution, counted)),
                now).withFillTime(fill.filledAt());
        return applied(refigured, signal, fill, instruments.find(signal.instrument()));
    }

    /** An administrator rejects a fill awaiting review: it never counts; a held one leaves the execution's figures. */
    public Correction reject(Execution execution, Signal signal, Fill fill, List<Fill> fillsOfExecution,
            Instant now) {
        Fill rejected = fill.withStatus(FillStatus.REJECTED, fill.flagReason());
        Execution after = fill.status() != FillStatus.HELD ? execution
                : withFigures(execution, signal, ExecutionFigures.of(replaced(fillsOfExecution, rejected)), now);
        return new Correction(after, rejected, null, null);
    }

    /** An error before any fill rejects the execution; after a partial fill it is recorded; after the end, ignored. */
    public LedgerChange fail(Execution execution, Signal signal, int statusCode, String message, Instant now) {
        if (execution.state().isClosed() || execution.state() == ExecutionState.FILLED) {
            return LedgerChange.of(Outcome.IGNORED, execution);
        }
        if (execution.state() == ExecutionState.PARTIALLY_FILLED) {
            return LedgerChange.of(Outcome.ERROR_RECORDED,
                    execution.failed(ExecutionState.PARTIALLY_FILLED, statusCode, message, now));
        }
        return new LedgerChange(Outcome.REJECTED, execution.failed(ExecutionState.REJECTED, statusCode, message, now),
                null, new ExecutionFailed(execution.executionId(), signal.signalId(), signal.userId(),
                        execution.deviceId(), statusCode, message, now), null);
    }

    /**
     * Reverses an applied fill, one of {@code fillsOfExecution}: the figures and state are recomputed from the fills
     * that remain, and its commissionable lots leave the signal's. Answers the FillBusted announcing it.
     */
    public Correction bust(Execution execution, Signal signal, Fill fill, List<Fill> fillsOfExecution,
            String reason, Instant now) {
        Fill busted = fill.busted(now, reason);
        Execution after = withFigures(execution, signal, ExecutionFigures.of(replaced(fillsOfExecution, busted)), now);
        BigDecimal notional = instruments.find(signal.instrument())
                .map(instrument -> instrument.notional(fill.size(), fill.price())).orElse(null);
        return new Correction(after, busted, new FillBusted(fill.fillId(), signal.signalId(),
                fill.tradeId(), signal.userId(), execution.deviceId(), fill.size(), fill.price(), notional, reason, now),
                fill.commissionableSize().signum() == 0 ? null
                        : signal.commissionableSize().subtract(fill.commissionableSize()));
    }

    private static LedgerChange flagged(Execution execution, Fill fill, Outcome outcome, String reason) {
        return new LedgerChange(outcome, execution, fill.withStatus(FillStatus.FLAGGED, reason), null, null);
    }

    /**
     * Makes a counted fill APPLIED: it earns commission on its lots that fit under the signal's copies cap (the lots
     * of all the user's devices on this signal, up to a multiple of its size), and is announced.
     */
    private Correction applied(Execution execution, Signal signal, Fill fill, Optional<Instrument> instrument) {
        BigDecimal cap = signal.size().multiply(config.plausibility().commissionableCopies());
        BigDecimal room = cap.subtract(signal.commissionableSize()).max(BigDecimal.ZERO);
        Fill applied = fill.applied(fill.size().min(room).setScale(ExecutionFigures.SCALE, RoundingMode.UNNECESSARY));
        FillRecorded recorded = new FillRecorded(applied.fillId(), signal.signalId(), applied.tradeId(),
                signal.userId(), execution.deviceId(), signal.instrument(),
                instrument.map(Instrument::assetClass).orElse(null), signal.side(), applied.size(),
                applied.commissionableSize(), applied.price(), instrument.map(Instrument::contractSize).orElse(null),
                instrument.map(Instrument::quoteCurrency).orElse(null),
                instrument.map(known -> known.notional(applied.size(), applied.price())).orElse(null),
                applied.filledAt());
        return new Correction(execution, applied, recorded, applied.commissionableSize().signum() == 0 ? null
                : signal.commissionableSize().add(applied.commissionableSize()));
    }

    /** The execution with {@code figures}, and the state they give it unless it is closed. */
    private static Execution withFigures(Execution execution, Signal signal, ExecutionFigures figures, Instant now) {
        ExecutionState state = execution.state();
        if (!state.isClosed()) {
            if (figures.cumulativeSize().signum() == 0) {
                state = execution.acknowledgedAt() != null ? ExecutionState.ACKED : ExecutionState.PENDING;
            } else if (figures.cumulativeSize().compareTo(signal.size()) >= 0) {
                state = ExecutionState.FILLED;
            } else {
                state = ExecutionState.PARTIALLY_FILLED;
            }
        }
        return execution.withFigures(state, figures, now);
    }

    /** {@code fills} with {@code changed} in place of the fill of the same id. */
    private static List<Fill> replaced(List<Fill> fills, Fill changed) {
        return fills.stream().map(fill -> fill.fillId().equals(changed.fillId()) ? changed : fill).toList();
    }

    private static Fill newFill(Execution execution, ReportedFill reported) {
        return new Fill(reported.fillId(), execution.executionId(), execution.signalId(), execution.deviceId(),
                execution.userId(), reported.tradeId(), reported.size(), reported.price(),
                ExecutionFigures.notionalOf(reported.size(), reported.price()), reported.side(), BigDecimal.ZERO,
                reported.filledAt(), reported.receivedAt(), null, null, null, null, null, null, null);
    }
}
