package com.tradesignals.execution.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.signing.DeviceRequestSigning;
import com.tradesignals.execution.ExecutionConfig;
import com.tradesignals.execution.ledger.Execution;
import com.tradesignals.execution.ledger.ExecutionFigures;
import com.tradesignals.execution.ledger.ExecutionLedger;
import com.tradesignals.execution.ledger.ExecutionMetrics;
import com.tradesignals.execution.ledger.ExecutionRepository;
import com.tradesignals.execution.ledger.Outcome;
import com.tradesignals.execution.ledger.ReportedFill;
import com.tradesignals.execution.signals.Signal;
import com.tradesignals.execution.signals.SignalRepository;
import com.tradesignals.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Takes device reports: dedupes them by (device, report id), reconciles them against their signal and applies them
 * to the execution through {@link ExecutionLedger}, all in one transaction with the events they cause. A report for a
 * signal not known yet waits, and is applied when the signal arrives ({@link #reconcile}).
 */
@ApplicationScoped
public class ReportService {

    static final int APPLIED = 200;
    static final int AWAITING_SIGNAL = 202;

    private final SignalRepository signals;
    private final ExecutionRepository executions;
    private final ReceivedReportRepository reports;
    private final ExecutionLedger ledger;
    private final ExecutionMetrics metrics;
    private final ExecutionConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    ReportService(SignalRepository signals, ExecutionRepository executions, ReceivedReportRepository reports,
            ExecutionLedger ledger, ExecutionMetrics metrics, ExecutionConfig config, ObjectMapper json, Clock clock) {
        this.signals = signals;
        this.executions = executions;
        this.reports = reports;
        this.ledger = ledger;
        this.metrics = metrics;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** The stored answer to the report: its HTTP status and JSON body, identical for every retry. */
    public record StoredAnswer(int status, String body) {
    }

    @WithTransaction
    public Uni<StoredAnswer> submit(DeviceCaller caller, DeviceReport report) {
        Instant now = clock.instant();
        if (report instanceof FillReport fill && fill.filledAt().isAfter(now.plus(config.maxFillTimeAhead()))) {
            throw ProblemException.badRequest("fill-time-in-future", "Fill time in the future",
                    "filled_at is later than the server's time plus " + config.maxFillTimeAhead().toSeconds() + " s");
        }
        String payload = toJson(report.canonical());
        String payloadHash = DeviceRequestSigning.sha256Hex(payload.getBytes(StandardCharsets.UTF_8));
        UUID signalId = report.signalId();
        return signals.findById(signalId)
                .chain(signal -> signal != null ? Uni.createFrom().item(signal)
                        : signals.lockSignalId(signalId).chain(() -> signals.findById(signalId)))
                .chain(signal -> {
                    if (signal == null) {
                        return replayOr(caller, report, payloadHash,
                                () -> park(caller, report, payload, payloadHash, now));
                    }
                    if (!signal.userId.equals(caller.userId())) {
                        throw ProblemException.notFound("Signal");
                    }
                    return executions.openLocked(signalId, caller.deviceId(), caller.userId(), now)
                            .chain(execution -> replayOr(caller, report, payloadHash, () -> {
                                UUID fillId = report instanceof FillReport ? UUID.randomUUID() : null;
                                return apply(execution, signal, report, fillId, now).chain(outcome -> {
                                    if (outcome == Outcome.DUPLICATE_TRADE) {
                                        throw ProblemException.conflict("duplicate-trade-id", "Trade already reported",
                                                "Another report of this device already carried this trade id for this signal");
                                    }
                                    ReportAnswer answer = new ReportAnswer(report.reportId(), report.type(), signalId,
                                            outcome, outcome == Outcome.FILL_APPLIED
                                                    || outcome == Outcome.OVERFILL_QUARANTINED
                                                    || outcome == Outcome.FILL_FLAGGED ? fillId : null,
                                            ReportAnswer.ExecutionSummary.of(execution, ExecutionFigures.leaves(
                                                    execution.state, signal.size, execution.cumulativeSize)));
                                    return store(caller, report, payload, payloadHash, fillId, outcome, APPLIED,
                                            answer, now);
                                });
                            }));
                });
    }

    /** Applies, oldest first, the reports that arrived before {@code signal}; runs in the caller's transaction. */
    public Uni<Void> reconcile(Signal signal) {
        Instant now = clock.instant();
        return reports.awaiting(signal.signalId).chain(waiting -> Multi.createFrom().iterable(waiting)
                .onItem().transformToUniAndConcatenate(parked -> reconcileOne(signal, parked, now))
                .collect().last()
                .replaceWithVoid());
    }

    private Uni<Void> reconcileOne(Signal signal, ReceivedReport parked, Instant now) {
        Uni<Outcome> outcome;
        if (!parked.userId.equals(signal.userId)) {
            outcome = Uni.createFrom().item(Outcome.NOT_OWNER);
        } else {
            DeviceReport report = fromJson(parked);
            outcome = executions.openLocked(signal.signalId, parked.deviceId, parked.userId, now)
                    .chain(execution -> apply(execution, signal, report, parked.fillId, parked.receivedAt));
        }
        return outcome.invoke(result -> {
            parked.outcome = result;
            parked.reconciledAt = now;
            metrics.report(parked.reportType.name(), result.name());
        }).replaceWithVoid();
    }

    private Uni<Outcome> apply(Execution execution, Signal signal, DeviceReport report, UUID fillId, Instant at) {
        ledger.expireIfDue(execution, signal, clock.instant());
        if (report instanceof AckReport) {
            return ledger.acknowledge(execution, signal, at);
        }
        if (report instanceof FillReport fill) {
            return ledger.recordFill(execution, signal,
                    new ReportedFill(fillId, fill.tradeId(), fill.size(), fill.price(), fill.filledAt(), at));
        }
        ErrorReport error = (ErrorReport) report;
        return ledger.fail(execution, signal, error.statusCode(), error.message(), at);
    }

    private Uni<StoredAnswer> replayOr(DeviceCaller caller, DeviceReport report, String payloadHash,
            Supplier<Uni<StoredAnswer>> firstTime) {
        return reports.find(caller.deviceId(), report.reportId()).chain(stored -> {
            if (stored == null) {
                return firstTime.get();
            }
            if (!stored.payloadHash.equals(payloadHash)) {
                throw ProblemException.conflict("report-id-conflict", "Report id already used",
                        "This device already sent a different report with report_id " + report.reportId());
            }
            metrics.report(report.type().name(), "REPLAYED");
            return Uni.createFrom().item(new StoredAnswer(stored.responseStatus, stored.responseBody));
        });
    }

    private Uni<StoredAnswer> park(DeviceCaller caller, DeviceReport report, String payload, String payloadHash,
            Instant now) {
        UUID fillId = report instanceof FillReport ? UUID.randomUUID() : null;
        ReportAnswer answer = new ReportAnswer(report.reportId(), report.type(), report.signalId(),
                Outcome.AWAITING_SIGNAL, fillId, null);
        return store(caller, report, payload, payloadHash, fillId, Outcome.AWAITING_SIGNAL, AWAITING_SIGNAL, answer, now);
    }

    private Uni<StoredAnswer> store(DeviceCaller caller, DeviceReport report, String payload, String payloadHash,
            UUID fillId, Outcome outcome, int status, ReportAnswer answer, Instant now) {
        ReceivedReport received = new ReceivedReport();
        received.id = UUID.randomUUID();
        received.deviceId = caller.deviceId();
        received.userId = caller.userId();
        received.reportId = report.reportId();
        received.reportType = report.type();
        received.signalId = report.signalId();
        received.payloadHash = payloadHash;
        received.payload = payload;
        received.fillId = fillId;
        received.outcome = outcome;
        received.responseStatus = status;
        received.responseBody = toJson(answer);
        received.receivedAt = now;
        metrics.report(report.type().name(), outcome.name());
        return reports.persist(received).replaceWith(new StoredAnswer(status, received.responseBody));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report answer is always serialisable", e);
        }
    }

    private DeviceReport fromJson(ReceivedReport parked) {
        try {
            return json.readValue(parked.payload, parked.reportType.requestClass());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report is always readable: " + parked.id, e);
        }
    }
}
