package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.executions.ClosingFillRecorded;
import com.tradesignals.contracts.events.executions.ExecutionCancelled;
import com.tradesignals.contracts.events.executions.ExecutionDone;
import com.tradesignals.contracts.events.executions.ExecutionExpired;
import com.tradesignals.contracts.events.executions.ExecutionFailed;
import com.tradesignals.contracts.events.executions.ExecutionPlaced;
import com.tradesignals.contracts.events.executions.FillBusted;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.contracts.events.executions.PositionClosed;
import com.tradesignals.contracts.events.executions.SignalAcknowledged;
import com.tradesignals.execution.ExecutionConfig;
import com.tradesignals.platform.instruments.Instrument;
import com.tradesignals.platform.instruments.InstrumentCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * Once its signal's expiry plus the grace period has passed, an order that never filled becomes EXPIRED and a
     * partially filled one DONE, each announced; otherwise nothing changes ({@link Outcome#IGNORED}).
     */
    public LedgerChange expireIfDue(Execution execution, Signal signal, Instant now) {
        boolean isDue = signal.expiresAt() != null && now.isAfter(signal.expiresAt().plus(config.expiryGrace()));
        if (isDue && execution.state().isOpenWithoutFills()) {
            return LedgerChange.announced(Outcome.EXPIRED, execution.expired(now),
                    new ExecutionExpired(execution.executionId(), signal.signalId(), signal.userId(),
                            execution.deviceId(), now));
        }
        if (isDue && execution.state() == ExecutionState.PARTIALLY_FILLED) {
            return done(execution, signal, "expired", now);
        }
        return LedgerChange.of(Outcome.IGNORED, execution);
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
        return LedgerChange.announced(Outcome.ACKNOWLEDGED, execution.acknowledged(state, now),
                new SignalAcknowledged(execution.executionId(), signal.signalId(), signal.userId(),
                        execution.deviceId(), now));
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
        if (before.cumulativeSize().add(reported.size()).compareTo(execution.requestedOf(signal)) > 0) {
            return LedgerChange.ofFill(Outcome.OVERFILL_QUARANTINED, execution,
                    fill.withStatus(FillStatus.QUARANTINED, "overfill"), null, null);
        }
        Execution counted = withFigures(execution, signal, before.plus(fill.size(), fill.notional()),
                reported.receivedAt()).withFillTime(fill.filledAt());
        if (signal.price() == null) {
            return LedgerChange.ofFill(Outcome.FILL_HELD_FOR_REVIEW, counted,
                    fill.withStatus(FillStatus.HELD, "no-reference-price"), null, null);
        }
        Correction applied = applied(counted, signal, fill, instrument);
        return LedgerChange.ofFill(Outcome.FILL_APPLIED, applied.execution(), applied.fill(), applied.event(),
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
        return LedgerChange.announced(Outcome.REJECTED,
                execution.failed(ExecutionState.REJECTED, statusCode, message, now),
                new ExecutionFailed(execution.executionId(), signal.signalId(), signal.userId(), execution.deviceId(),
                        statusCode, message, now));
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

    /** A pending order rests with the broker: announced once; a report after the order moved on changes nothing. */
    public LedgerChange place(Execution execution, Signal signal, String brokerOrderId, Instant now) {
        if (!execution.state().isOpenWithoutFills() || execution.state() == ExecutionState.PLACED) {
            return LedgerChange.of(Outcome.IGNORED, execution);
        }
        return LedgerChange.announced(Outcome.PLACED,
                execution.withOrder(ExecutionState.PLACED, execution.order().placed(brokerOrderId, now), now),
                new ExecutionPlaced(execution.executionId(), signal.signalId(), signal.userId(), execution.deviceId(),
                        brokerOrderId, now));
    }

    /**
     * The order was cancelled, by the terminal or because the signal was withdrawn: one that never filled ends
     * CANCELLED; a partially filled one ends DONE, its rest no longer open (leaves 0); a filled or ended one is past
     * cancelling.
     */
    public LedgerChange cancel(Execution execution, Signal signal, String reason, Instant now) {
        if (execution.state().isOpenWithoutFills()) {
            return LedgerChange.announced(Outcome.CANCELLED, execution.withOrder(ExecutionState.CANCELLED,
                            execution.order().cancelled(reason, now), now),
                    new ExecutionCancelled(execution.executionId(), signal.signalId(), signal.userId(),
                            execution.deviceId(), reason, now));
        }
        if (execution.state() == ExecutionState.PARTIALLY_FILLED) {
            return done(execution.withOrder(execution.state(), execution.order().cancelled(reason, now), now), signal,
                    "cancelled", now);
        }
        return LedgerChange.of(Outcome.IGNORED, execution);
    }

    /** The terminal confirmed a new stop loss and take profit; an order that ended keeps what it had. */
    public LedgerChange modify(Execution execution, BigDecimal stopLoss, BigDecimal takeProfit, Instant now) {
        ExecutionState state = execution.state();
        if (state == ExecutionState.CLOSED || (state.isClosed() && execution.openSize().signum() == 0)) {
            return LedgerChange.of(Outcome.IGNORED, execution);
        }
        return LedgerChange.of(Outcome.MODIFIED,
                execution.withOrder(state, execution.order().modified(stopLoss, takeProfit, now), now));
    }

    /**
     * Decides a closing deal, which is stored whatever becomes of it. It is quarantined when it would close more than
     * is open, flagged when its size is off the instrument's lot step, otherwise applied: the position's closed lots,
     * average exit and realized P&L move, and the position becomes CLOSING, or CLOSED (announced with its P&L) when
     * nothing is open any more and the order no longer works. Its lots earn commission, where the programme pays on
     * closing fills, up to what the signal's opening fills earned, and nothing when its price is outside the asset
     * class's band around the average entry (decision 0209). A ticket already seen is not stored again.
     */
    public LedgerChange recordClose(Execution execution, Signal signal, ClosingFill close,
            boolean ticketAlreadyReported) {
        if (ticketAlreadyReported) {
            return LedgerChange.of(Outcome.DUPLICATE_TRADE, execution);
        }
        if (!execution.state().mayHoldPosition() || close.lots().compareTo(execution.openSize()) > 0) {
            return new LedgerChange(Outcome.OVERCLOSE_QUARANTINED, execution, null,
                    close.withStatus(FillStatus.QUARANTINED, "overclose"), List.of(), null, null);
        }
        Optional<Instrument> instrument = instruments.find(signal.instrument());
        if (instrument.isPresent() && !instrument.get().isOnLotStep(close.lots())) {
            return new LedgerChange(Outcome.OFF_LOT_STEP, execution, null,
                    close.withStatus(FillStatus.FLAGGED, "off-lot-step"), List.of(), null, null);
        }
        // Far from the entry it still closes the position, but earns nothing: an invented exit mints no commission.
        boolean isInBand = instrument.isEmpty()
                || plausibility.isWithinBand(instrument.get(), close.price(), execution.averagePrice());
        BigDecimal room = isInBand
                ? signal.commissionableSize().subtract(signal.closingCommissionableSize()).max(BigDecimal.ZERO)
                : BigDecimal.ZERO;
        ClosingFill applied = close.applied(instrument.map(known -> realizedPnl(known, signal.side(),
                execution.averagePrice(), close)).orElse(null), close.lots().min(room)
                .setScale(ExecutionFigures.SCALE, RoundingMode.UNNECESSARY), isInBand ? null : "price-out-of-band");
        Position position = execution.position().plus(applied);
        boolean isFlat = position.openSize(execution.cumulativeSize()).signum() == 0;
        ExecutionState state = execution.state();
        boolean isClosed = isFlat && state != ExecutionState.PARTIALLY_FILLED;
        ExecutionState after = isClosed ? ExecutionState.CLOSED
                : state == ExecutionState.PARTIALLY_FILLED ? state : ExecutionState.CLOSING;
        Execution.Order order = isClosed ? execution.order().closed(close.receivedAt()) : execution.order();
        Execution changed = execution.withPosition(after, position, order, close.receivedAt());
        List<IntegrationEvent> events = new ArrayList<>(2);
        events.add(new ClosingFillRecorded(applied.closingFillId(), execution.executionId(), signal.signalId(),
                applied.ticket(), signal.userId(), execution.deviceId(), signal.instrument(),
                instrument.map(Instrument::assetClass).orElse(null), signal.side().opposite(), applied.lots(),
                applied.commissionableSize(), applied.price(), instrument.map(Instrument::contractSize).orElse(null),
                instrument.map(Instrument::quoteCurrency).orElse(null),
                instrument.map(known -> known.notional(applied.lots(), applied.price())).orElse(null),
                applied.realizedPnl(), applied.closedAt()));
        if (isClosed) {
            events.add(positionClosed(changed, signal, close.receivedAt()));
        }
        return new LedgerChange(isClosed ? Outcome.POSITION_CLOSED : Outcome.CLOSE_APPLIED, changed, null, applied,
                List.copyOf(events), null, applied.commissionableSize().signum() == 0 ? null
                        : signal.closingCommissionableSize().add(applied.commissionableSize()));
    }

    /**
     * lots × contract size × (exit − average entry), negated for a SELL, in the quote currency, 8 decimals
     * HALF_EVEN (docs/execution-service.md, "Realized P&L").
     */
    static BigDecimal realizedPnl(Instrument instrument, Side side, BigDecimal averageEntry, ClosingFill close) {
        BigDecimal difference = close.price().subtract(averageEntry);
        BigDecimal pnl = close.lots().multiply(instrument.contractSize()).multiply(difference);
        return (side == Side.BUY ? pnl : pnl.negate()).setScale(ExecutionFigures.SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * A partially filled order ends: its rest is no longer open; what filled stays open as a position, or, when its
     * closing deals already closed all of it, the position is CLOSED at once.
     */
    private LedgerChange done(Execution execution, Signal signal, String reason, Instant now) {
        ExecutionDone done = new ExecutionDone(execution.executionId(), signal.signalId(), signal.userId(),
                execution.deviceId(), reason, execution.cumulativeSize(), execution.requestedOf(signal)
                        .subtract(execution.cumulativeSize()).setScale(ExecutionFigures.SCALE, RoundingMode.HALF_EVEN),
                now);
        if (execution.openSize().signum() > 0) {
            return LedgerChange.announced(Outcome.DONE,
                    execution.withOrder(ExecutionState.DONE, execution.order().done(now), now), done);
        }
        return LedgerChange.announced(Outcome.POSITION_CLOSED, execution.withOrder(ExecutionState.CLOSED,
                execution.order().done(now).closed(now), now), done, positionClosed(execution, signal, now));
    }

    private PositionClosed positionClosed(Execution execution, Signal signal, Instant at) {
        Position position = execution.position();
        return new PositionClosed(execution.executionId(), signal.signalId(), signal.userId(), execution.deviceId(),
                signal.instrument(), signal.side(), position.closedSize(), execution.averagePrice(),
                position.averageExitPrice(), position.realizedPnl(),
                instruments.find(signal.instrument()).map(Instrument::quoteCurrency).orElse(null),
                position.reportedProfit(), at);
    }

    private static LedgerChange flagged(Execution execution, Fill fill, Outcome outcome, String reason) {
        return LedgerChange.ofFill(outcome, execution, fill.withStatus(FillStatus.FLAGGED, reason), null, null);
    }

    /**
     * Makes a counted fill APPLIED: it earns commission on its lots that fit under the signal's copies cap (the lots
     * of all the user's devices on this signal, up to a multiple of its size), and is announced.
     */
    private Correction applied(Execution execution, Signal signal, Fill fill, Optional<Instrument> instrument) {
        // Copies of one signal on the user's devices earn, together, at most the lots of the largest of them.
        BigDecimal cap = execution.requestedOf(signal).multiply(config.plausibility().commissionableCopies());
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
            } else if (figures.cumulativeSize().compareTo(execution.requestedOf(signal)) >= 0) {
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
