package com.tradesignals.execution.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.signing.DeviceRequestSigning;
import com.tradesignals.execution.ExecutionConfig;
import com.tradesignals.contracts.events.executions.PositionMismatch;
import com.tradesignals.execution.ledger.ClosingFill;
import com.tradesignals.execution.ledger.Execution;
import com.tradesignals.execution.ledger.ExecutionFigures;
import com.tradesignals.execution.ledger.ExecutionLedger;
import com.tradesignals.execution.ledger.ExecutionMetrics;
import com.tradesignals.execution.ledger.ExecutionStore;
import com.tradesignals.execution.ledger.FillStatus;
import com.tradesignals.execution.ledger.LedgerChange;
import com.tradesignals.execution.ledger.Outcome;
import com.tradesignals.execution.ledger.ReceivedReport;
import com.tradesignals.execution.ledger.ReportType;
import com.tradesignals.execution.ledger.ReportedFill;
import com.tradesignals.execution.ledger.RequestedLots;
import com.tradesignals.execution.ledger.Signal;
import com.tradesignals.execution.signals.WaitingReports;
import com.tradesignals.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes device reports: dedupes them by (device, report id), reconciles them against their signal and applies them
 * to the execution through {@link ExecutionLedger}, all in one transaction with the events they cause, written by
 * {@link ExecutionStore}. A report for a signal not known yet waits, and is applied when the signal arrives
 * ({@link #signalArrived}).
 */
@ApplicationScoped
public class ReportService implements WaitingReports {

    static final int APPLIED = 200;
    static final int AWAITING_SIGNAL = 202;
    static final int NOT_FOUND = 404;

    private final Pool database;
    private final ExecutionStore store;
    private final ExecutionLedger ledger;
    private final RequestedLots requestedLots;
    private final ExecutionMetrics metrics;
    private final ExecutionConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    ReportService(Pool database, ExecutionStore store, ExecutionLedger ledger, RequestedLots requestedLots,
            ExecutionMetrics metrics, ExecutionConfig config, ObjectMapper json, Clock clock) {
        this.database = database;
        this.store = store;
        this.ledger = ledger;
        this.requestedLots = requestedLots;
        this.metrics = metrics;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** The stored answer to the report: its HTTP status and JSON body, identical for every retry. */
    public record StoredAnswer(int status, String body) {
    }

    /** A report as received: what is stored of it whatever it does. */
    private record Received(DeviceCaller caller, String reportId, ReportType type, UUID signalId, String payload,
            String payloadHash, Instant at) {

        static Received of(DeviceCaller caller, String reportId, ReportType type, UUID signalId, String payload,
                Instant at) {
            return new Received(caller, reportId, type, signalId, payload,
                    DeviceRequestSigning.sha256Hex(payload.getBytes(StandardCharsets.UTF_8)), at);
        }
    }

    /** What a committed report did: the answer given, and for the metrics the change and its signal. */
    private record Submitted(StoredAnswer answer, LedgerChange change, Signal signal) {
    }

    /** The device sent a report under this id before: the transaction is rolled back and the earlier answer replayed. */
    private static final class ReceivedBefore extends RuntimeException {
        ReceivedBefore() {
            super(null, null, false, false);
        }
    }

    public Uni<StoredAnswer> submit(DeviceCaller caller, DeviceReport report) {
        Instant now = clock.instant();
        if (report instanceof FillReport fill && fill.filledAt().isAfter(now.plus(config.maxFillTimeAhead()))) {
            throw timeInFuture("filled_at");
        }
        if (report instanceof CloseFillReport close && close.closedAt().isAfter(now.plus(config.maxFillTimeAhead()))) {
            throw timeInFuture("closed_at");
        }
        Received received = Received.of(caller, report.reportId(), report.type(), report.signalId(),
                toJson(report.canonical()), now);
        UUID signalId = report.signalId();
        // A fill or a closing fill may change the signal's commissionable lots: it locks the signal row (copies of
        // one signal on the user's devices are decided one after the other).
        boolean locksSignal = report instanceof FillReport || report instanceof CloseFillReport;
        return database.withTransaction(transaction -> store.read(transaction, signalId, caller.deviceId(), locksSignal)
                        .chain(snapshot -> snapshot.signal() != null ? Uni.createFrom().item(snapshot)
                                // Not known yet: decided under the signal id's lock (see ExecutionStore#lockSignalId).
                                : store.lockSignalId(transaction, signalId)
                                        .chain(() -> store.read(transaction, signalId, caller.deviceId(), locksSignal)))
                        .chain(snapshot -> {
                            Signal signal = snapshot.signal();
                            if (signal == null) {
                                return park(transaction, received);
                            }
                            if (!signal.userId().equals(caller.userId())) {
                                throw ProblemException.notFound("Signal");
                            }
                            return (snapshot.execution() != null ? Uni.createFrom().item(snapshot.execution())
                                    : store.openLocked(transaction, signal, caller.deviceId(), caller.userId(),
                                            requestedLots, now))
                                    .chain(execution -> applyNew(transaction, received, report, signal, execution));
                        }))
                .invoke(submitted -> metrics.applied(report.type().name(), submitted.change(), submitted.signal()))
                .map(Submitted::answer)
                .onFailure(ReceivedBefore.class).recoverWithUni(() -> replay(received));
    }

    /**
     * Reconciles a terminal's position snapshot against the records: every signal on which the platform and the
     * terminal hold different lots open is flagged and announced once (decision 0209), in one transaction with the
     * stored answer.
     */
    public Uni<StoredAnswer> submitPositions(DeviceCaller caller, PositionsReport report) {
        Instant now = clock.instant();
        PositionsReport canonical = report.canonical();
        Received received = Received.of(caller, report.reportId(), report.type(), null, toJson(canonical), now);
        Map<UUID, BigDecimal> terminal = new HashMap<>();
        canonical.positions().forEach(held -> terminal.merge(held.signalId(), held.lots(), BigDecimal::add));
        return database.withTransaction(transaction -> store.positionsOfDevice(transaction, caller.deviceId(),
                        terminal.keySet())
                .chain(platform -> {
                    List<PositionMismatch> mismatches = PositionReconciliation.mismatches(caller.deviceId(),
                            caller.userId(), platform, terminal, now);
                    Outcome outcome = mismatches.isEmpty() ? Outcome.POSITIONS_MATCH : Outcome.POSITIONS_MISMATCH;
                    PositionsAnswer answer = PositionsAnswer.of(report.reportId(), outcome, mismatches);
                    ReceivedReport stored = stored(received, null, outcome, APPLIED, toJson(answer));
                    Uni<Void> flagged = Uni.createFrom().voidItem();
                    for (PositionMismatch mismatch : mismatches) {
                        flagged = flagged.chain(() -> store.flagMismatch(transaction, mismatch)
                                .invoke(isNew -> metrics.positionMismatch(isNew))).replaceWithVoid();
                    }
                    return flagged.chain(() -> store.write(transaction, LedgerChange.of(outcome), stored))
                            .map(written -> {
                                if (!written.reportIsNew()) {
                                    throw new ReceivedBefore();
                                }
                                metrics.report(report.type().name(), outcome.name());
                                return new StoredAnswer(APPLIED, stored.responseBody());
                            });
                }))
                .onFailure(ReceivedBefore.class).recoverWithUni(() -> replay(received));
    }

    private ProblemException timeInFuture(String field) {
        return ProblemException.badRequest("fill-time-in-future", "Fill time in the future",
                field + " is later than the server's time plus " + config.maxFillTimeAhead().toSeconds() + " s");
    }

    /**
     * Applies, oldest first, the reports that arrived before {@code signal}, in the transaction that stores it. Each
     * may change the signal's commissionable lots, so each is decided on the signal as the one before left it.
     */
    @Override
    public Uni<Void> signalArrived(SqlConnection transaction, Signal signal) {
        Instant now = clock.instant();
        return store.awaitingSignal(transaction, signal.signalId()).chain(waiting -> {
            Uni<Signal> decided = Uni.createFrom().item(signal);
            for (ReceivedReport report : waiting) {
                decided = decided.chain(current -> reconcileOne(transaction, current, report, now));
            }
            return decided.replaceWithVoid();
        });
    }

    /** Applies one waiting report; answers the signal as it is after it. */
    private Uni<Signal> reconcileOne(SqlConnection transaction, Signal signal, ReceivedReport waited, Instant now) {
        Uni<LedgerChange> decided;
        if (!waited.userId().equals(signal.userId())) {
            decided = Uni.createFrom().item(LedgerChange.of(Outcome.NOT_OWNER));
        } else {
            DeviceReport report = fromJson(waited);
            decided = store.openLocked(transaction, signal, waited.deviceId(), waited.userId(), requestedLots, now)
                    .chain(execution -> alreadyReported(transaction, execution, report)
                            .map(tradeAlreadyReported -> apply(execution, signal, report, waited.fillId(),
                                    waited.receivedAt(), tradeAlreadyReported)));
        }
        return decided.chain(change -> store.writeReconciled(transaction, waited, change, now,
                        change.outcome() == Outcome.NOT_OWNER ? NOT_FOUND : APPLIED, toJson(answer(waited, signal, change)))
                .invoke(() -> metrics.applied(waited.reportType().name(), change, signal))
                .replaceWith(() -> change.signalCommissionableSize() == null ? signal
                        : signal.withCommissionableSize(change.signalCommissionableSize())));
    }

    /**
     * What a retry of a report that waited for its signal is answered once the signal came: what a fresh submission
     * would have been answered then (decision 0208), not the 202 it got while it waited. A report against another
     * user's signal is answered 404 by {@link #replay}, as a fresh one is.
     */
    private static ReportAnswer answer(ReceivedReport waited, Signal signal, LedgerChange change) {
        Execution after = change.execution();
        return new ReportAnswer(waited.reportId(), waited.reportType(), waited.signalId(), change.outcome(),
                storesFill(change) ? waited.fillId() : null, after == null ? null
                        : ReportAnswer.ExecutionSummary.of(after,
                                ExecutionFigures.leaves(after.state(), after.requestedOf(signal), after.cumulativeSize())));
    }

    private static boolean storesFill(LedgerChange change) {
        return change.fill() != null || change.closingFill() != null;
    }

    /** Whether the report's trade or closing ticket is already stored for the execution (locked). */
    private Uni<Boolean> alreadyReported(SqlConnection transaction, Execution execution, DeviceReport report) {
        if (report instanceof FillReport fill) {
            return store.hasTrade(transaction, execution.executionId(), fill.tradeId());
        }
        if (report instanceof CloseFillReport close) {
            return store.hasTicket(transaction, execution.executionId(), close.ticket());
        }
        return Uni.createFrom().item(false);
    }

    private static boolean hasFill(ReportType type) {
        return type == ReportType.FILL || type == ReportType.CLOSE_FILL;
    }

    private Uni<Submitted> applyNew(SqlConnection transaction, Received received, DeviceReport report, Signal signal,
            Execution execution) {
        UUID fillId = hasFill(report.type()) ? UUID.randomUUID() : null;
        // A trade already reported is found by the fill's insert (unique key), as a report id used before is.
        LedgerChange change = apply(execution, signal, report, fillId, received.at(), false);
        Execution after = change.execution();
        ReportAnswer answer = new ReportAnswer(report.reportId(), report.type(), signal.signalId(), change.outcome(),
                storesFill(change) ? fillId : null, ReportAnswer.ExecutionSummary.of(after,
                        ExecutionFigures.leaves(after.state(), after.requestedOf(signal), after.cumulativeSize())));
        ReceivedReport stored = stored(received, fillId, change.outcome(), APPLIED, toJson(answer));
        return store.write(transaction, change, stored).map(written -> {
            if (!written.reportIsNew()) {
                throw new ReceivedBefore();
            }
            if (!written.fillIsNew() && report instanceof CloseFillReport) {
                throw ProblemException.conflict("duplicate-ticket", "Closing deal already reported",
                        "Another report of this device already carried this ticket for this signal");
            }
            if (!written.fillIsNew()) {
                throw ProblemException.conflict("duplicate-trade-id", "Trade already reported",
                        "Another report of this device already carried this trade id for this signal");
            }
            return new Submitted(new StoredAnswer(APPLIED, stored.responseBody()), change, signal);
        });
    }

    /** What the report does to the locked execution, after the expiry it may find due (announced first). */
    private LedgerChange apply(Execution locked, Signal signal, DeviceReport report, UUID fillId, Instant at,
            boolean alreadyReported) {
        LedgerChange expiry = ledger.expireIfDue(locked, signal, clock.instant());
        LedgerChange change = decide(expiry.execution(), signal, report, fillId, at, alreadyReported);
        return expiry.events().isEmpty() ? change : change.afterEvent(expiry.events().get(0));
    }

    private LedgerChange decide(Execution execution, Signal signal, DeviceReport report, UUID fillId, Instant at,
            boolean alreadyReported) {
        if (report instanceof AckReport) {
            return ledger.acknowledge(execution, signal, at);
        }
        if (report instanceof FillReport fill) {
            return ledger.recordFill(execution, signal,
                    new ReportedFill(fillId, fill.tradeId(), fill.side(), fill.size(), fill.price(), fill.filledAt(), at),
                    alreadyReported);
        }
        if (report instanceof PlacedReport placed) {
            return ledger.place(execution, signal, placed.brokerOrderId(), at);
        }
        if (report instanceof CancelledReport cancelled) {
            return ledger.cancel(execution, signal, cancelled.reason(), at);
        }
        if (report instanceof ModifiedReport modified) {
            return ledger.modify(execution, modified.stopLoss(), modified.takeProfit(), at);
        }
        if (report instanceof CloseFillReport close) {
            return ledger.recordClose(execution, signal, new ClosingFill(fillId, execution.executionId(),
                    signal.signalId(), execution.deviceId(), execution.userId(), close.ticket(), close.lots(),
                    close.price(), null, BigDecimal.ZERO, close.commission(), close.swap(), close.profit(),
                    close.closedAt(), at, FillStatus.APPLIED, null), alreadyReported);
        }
        ErrorReport error = (ErrorReport) report;
        return ledger.fail(execution, signal, error.statusCode(), error.message(), at);
    }

    /** The same answer as the first time for the same report; another report under a used id is a conflict. */
    private Uni<StoredAnswer> replay(Received received) {
        return store.earlierReport(database, received.caller().deviceId(), received.reportId()).map(earlier -> {
            if (!earlier.payloadHash().equals(received.payloadHash())) {
                throw ProblemException.conflict("report-id-conflict", "Report id already used",
                        "This device already sent a different report with report_id " + received.reportId());
            }
            metrics.report(received.type().name(), "REPLAYED");
            if (earlier.outcome() == Outcome.NOT_OWNER) {
                throw ProblemException.notFound("Signal");
            }
            return new StoredAnswer(earlier.responseStatus(), earlier.responseBody());
        });
    }

    private Uni<Submitted> park(SqlConnection transaction, Received received) {
        UUID fillId = hasFill(received.type()) ? UUID.randomUUID() : null;
        ReportAnswer answer = new ReportAnswer(received.reportId(), received.type(), received.signalId(),
                Outcome.AWAITING_SIGNAL, fillId, null);
        ReceivedReport stored = stored(received, fillId, Outcome.AWAITING_SIGNAL, AWAITING_SIGNAL, toJson(answer));
        return store.write(transaction, LedgerChange.AWAITING_SIGNAL, stored).map(written -> {
            if (!written.reportIsNew()) {
                throw new ReceivedBefore();
            }
            return new Submitted(new StoredAnswer(AWAITING_SIGNAL, stored.responseBody()), LedgerChange.AWAITING_SIGNAL,
                    null);
        });
    }

    private static ReceivedReport stored(Received received, UUID fillId, Outcome outcome, int status,
            String answer) {
        return new ReceivedReport(UUID.randomUUID(), received.caller().deviceId(), received.caller().userId(),
                received.reportId(), received.type(), received.signalId(), received.payloadHash(), received.payload(),
                fillId, outcome, status, answer, received.at(), null);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report answer is always serialisable", e);
        }
    }

    private DeviceReport fromJson(ReceivedReport waited) {
        try {
            return json.readValue(waited.payload(), requestClass(waited.reportType()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report is always readable: " + waited.id(), e);
        }
    }

    private static Class<? extends DeviceReport> requestClass(ReportType type) {
        return switch (type) {
            case ACK -> AckReport.class;
            case FILL -> FillReport.class;
            case ERROR -> ErrorReport.class;
            case PLACED -> PlacedReport.class;
            case CANCELLED -> CancelledReport.class;
            case MODIFIED -> ModifiedReport.class;
            case CLOSE_FILL -> CloseFillReport.class;
            case POSITIONS -> throw new IllegalStateException("a position snapshot never waits for a signal");
        };
    }
}
