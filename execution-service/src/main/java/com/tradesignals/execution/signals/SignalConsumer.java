package com.tradesignals.execution.signals;

import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.execution.ledger.ExecutionRepository;
import com.tradesignals.execution.reports.ReportService;
import com.tradesignals.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Learns signals from signals.v1, each event applied once: stores the signal, opens a PENDING execution for each
 * of the user's active devices, and applies the reports that arrived before the signal.
 */
@ApplicationScoped
public class SignalConsumer {

    private static final String CONSUMER = "signals";

    private final Inbox inbox;
    private final SignalRepository signals;
    private final ExecutionRepository executions;
    private final ReportService reports;
    private final Clock clock;

    SignalConsumer(Inbox inbox, SignalRepository signals, ExecutionRepository executions, ReportService reports,
            Clock clock) {
        this.inbox = inbox;
        this.signals = signals;
        this.executions = executions;
        this.reports = reports;
        this.clock = clock;
    }

    @Incoming(CONSUMER)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IntegrationEvent event) {
        if (!(event instanceof SignalIssued issued)) {
            return Uni.createFrom().voidItem();
        }
        // A MARKET signal may come without a reference price; its fills are then held for review.
        if (issued.signalId() == null || issued.userId() == null || issued.instrument() == null || issued.side() == null
                || issued.size() == null || issued.size().signum() <= 0
                || (issued.price() != null && issued.price().signum() <= 0) || issued.issuedAt() == null) {
            throw new IllegalArgumentException("incomplete signal " + issued.signalId());
        }
        Instant now = clock.instant();
        return signals.lockSignalId(issued.signalId())
                .chain(() -> signals.findById(issued.signalId()))
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    Signal signal = Signal.of(issued, now);
                    // Flushed now: the native insert of the executions refers to the signal row.
                    return signals.persistAndFlush(signal)
                            .chain(() -> executions.createForActiveDevices(signal.signalId, signal.userId, now))
                            .chain(() -> reports.reconcile(signal));
                });
    }
}
