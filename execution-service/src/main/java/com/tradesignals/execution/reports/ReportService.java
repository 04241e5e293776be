package com.tradesignals.execution.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.signing.DeviceRequestSigning;
import com.tradesignals.execution.ExecutionConfig;
import com.tradesignals.execution.ledger.Execution;
import com.tradesignals.execution.ledger.ExecutionFigures;
import com.tradesignals.execution.ledger.ExecutionLedger;
import com.tradesignals.execution.ledger.ExecutionMetrics;
import com.tradesignals.execution.ledger.ExecutionStore;
import com.tradesignals.execution.ledger.LedgerChange;
import com.tradesignals.execution.ledger.Outcome;
import com.tradesignals.execution.ledger.ReceivedReport;
import com.tradesignals.execution.ledger.ReportType;
import com.tradesignals.execution.ledger.ReportedFill;
import com.tradesignals.execution.ledger.Signal;
import com.tradesignals.execution.signals.WaitingReports;
import com.tradesignals.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
    private final ExecutionMetrics metrics;
    private final ExecutionConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    ReportService(Pool database, ExecutionStore store, ExecutionLedger ledger, ExecutionMetrics metrics,
            ExecutionConfig config, ObjectMapper json, Clock clock) {
        this.database = database;
        this.store = store;
        this.ledger = ledger;
        this.metrics = metrics;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** The stored answer to the report: its HTTP status and JSON body, identical for every retry. */
    public record StoredAnswer(int status, String body) {
    }

    /** A report as received: what is stored of it whatever it does. */
    private record Received(DeviceCaller caller, DeviceReport report, String payload, String payloadHash,
            Instant at) {
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
            throw ProblemException.badRequest("fill-time-in-future", "Fill time in the future",
                    "filled_at is later than the server's time plus " + config.maxFillTimeAhead().toSeconds() + " s");
        }
        String payload = toJson(report.canonical());
        Received received = new Received(caller, report, payload,
                DeviceRequestSigning.sha256Hex(payload.getBytes(StandardCharsets.UTF_8)), now);
        UUID signalId = report.signalId();
        // A fill may change the signal's commissionable lots: it locks the signal row (copies of one signal on the
        // user's devices are decided one after the other).
        boolean locksSignal = report instanceof FillReport;
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
                                    : store.openLocked(transaction, signalId, caller.deviceId(), caller.userId(), now))
                                    .chain(execution -> applyNew(transaction, received, signal, execution));
                        }))
                .invoke(submitted -> metrics.applied(report.type().name(), submitted.change(), submitted.signal()))
                .map(Submitted::answer)
                .onFailure(ReceivedBefore.class).recoverWithUni(() -> replay(received));
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
            decided = store.openLocked(transaction, signal.signalId(), waited.deviceId(), waited.userId(), now)
                    .chain(execution -> (report instanceof FillReport fill
                            ? store.hasTrade(transaction, execution.executionId(), fill.tradeId())
                            : Uni.createFrom().item(false))
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
                change.fill() != null ? waited.fillId() : null, after == null ? null
                        : ReportAnswer.ExecutionSummary.of(after,
                                ExecutionFigures.leaves(after.state(), signal.size(), after.cumulativeSize())));
    }

    private Uni<Submitted> applyNew(SqlConnection transaction, Received received, Signal signal,
            Execution execution) {
        DeviceReport report = received.report();
        UUID fillId = report instanceof FillReport ? UUID.randomUUID() : null;
        // A trade already reported is found by the fill's insert (unique key), as a report id used before is.
        LedgerChange change = apply(execution, signal, report, fillId, received.at(), false);
        Execution after = change.execution();
        ReportAnswer answer = new ReportAnswer(report.reportId(), report.type(), signal.signalId(), change.outcome(),
                change.fill() != null ? fillId : null, ReportAnswer.ExecutionSummary.of(after,
                        ExecutionFigures.leaves(after.state(), signal.size(), after.cumulativeSize())));
        ReceivedReport stored = stored(received, fillId, change.outcome(), APPLIED, answer);
        return store.write(transaction, change, stored).map(written -> {
            if (!written.reportIsNew()) {
                throw new ReceivedBefore();
            }
            if (!written.fillIsNew()) {
                throw ProblemException.conflict("duplicate-trade-id", "Trade already reported",
                        "Another report of this device already carried this trade id for this signal");
            }
            return new Submitted(new StoredAnswer(APPLIED, stored.responseBody()), change, signal);
        });
    }

    private LedgerChange apply(Execution locked, Signal signal, DeviceReport report, UUID fillId, Instant at,
            boolean tradeAlreadyReported) {
        Execution execution = ledger.expireIfDue(locked, signal, clock.instant());
        if (report instanceof AckReport) {
            return ledger.acknowledge(execution, signal, at);
        }
        if (report instanceof FillReport fill) {
            return ledger.recordFill(execution, signal,
                    new ReportedFill(fillId, fill.tradeId(), fill.side(), fill.size(), fill.price(), fill.filledAt(), at),
                    tradeAlreadyReported);
        }
        ErrorReport error = (ErrorReport) report;
        return ledger.fail(execution, signal, error.statusCode(), error.message(), at);
    }

    /** The same answer as the first time for the same report; another report under a used id is a conflict. */
    private Uni<StoredAnswer> replay(Received received) {
        DeviceReport report = received.report();
        return store.earlierReport(database, received.caller().deviceId(), report.reportId()).map(earlier -> {
            if (!earlier.payloadHash().equals(received.payloadHash())) {
                throw ProblemException.conflict("report-id-conflict", "Report id already used",
                        "This device already sent a different report with report_id " + report.reportId());
            }
            metrics.report(report.type().name(), "REPLAYED");
            if (earlier.outcome() == Outcome.NOT_OWNER) {
                throw ProblemException.notFound("Signal");
            }
            return new StoredAnswer(earlier.responseStatus(), earlier.responseBody());
        });
    }

    private Uni<Submitted> park(SqlConnection transaction, Received received) {
        DeviceReport report = received.report();
        UUID fillId = report instanceof FillReport ? UUID.randomUUID() : null;
        ReportAnswer answer = new ReportAnswer(report.reportId(), report.type(), report.signalId(),
                Outcome.AWAITING_SIGNAL, fillId, null);
        ReceivedReport stored = stored(received, fillId, Outcome.AWAITING_SIGNAL, AWAITING_SIGNAL, answer);
        return store.write(transaction, LedgerChange.AWAITING_SIGNAL, stored).map(written -> {
            if (!written.reportIsNew()) {
                throw new ReceivedBefore();
            }
            return new Submitted(new StoredAnswer(AWAITING_SIGNAL, stored.responseBody()), LedgerChange.AWAITING_SIGNAL,
                    null);
        });
    }

    private ReceivedReport stored(Received received, UUID fillId, Outcome outcome, int status, ReportAnswer answer) {
        DeviceReport report = received.report();
        return new ReceivedReport(UUID.randomUUID(), received.caller().deviceId(), received.caller().userId(),
                report.reportId(), report.type(), report.signalId(), received.payloadHash(), received.payload(), fillId,
                outcome, status, toJson(answer), received.at(), null);
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
        };
    }
}
