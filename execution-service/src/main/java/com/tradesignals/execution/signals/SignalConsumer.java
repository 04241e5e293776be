package com.tradesignals.execution.signals;

import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.signals.OrderType;
import com.tradesignals.contracts.events.signals.SignalCancelled;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.events.signals.SignalModified;
import com.tradesignals.execution.ledger.Execution;
import com.tradesignals.execution.ledger.ExecutionLedger;
import com.tradesignals.execution.ledger.ExecutionStore;
import com.tradesignals.execution.ledger.LedgerChange;
import com.tradesignals.execution.ledger.RequestedLots;
import com.tradesignals.execution.ledger.Signal;
import com.tradesignals.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Learns signals from signals.v1, each event applied once, in the transaction that marks it processed: an issued
 * signal is stored with a PENDING execution for each of the user's devices it is given to, and the reports that arrived before
 * it are applied ({@link WaitingReports}); a modified one takes its new levels; a cancelled one ends the executions of
 * the devices that never acted on it.
 */
@ApplicationScoped
public class SignalConsumer {

    private static final String CONSUMER = "signals";
    /** The cancel reason of the executions a withdrawn signal ends. */
    static final String SIGNAL_CANCELLED = "signal-cancelled";

    private final Inbox inbox;
    private final ExecutionStore store;
    private final ExecutionLedger ledger;
    private final RequestedLots requestedLots;
    private final WaitingReports waitingReports;
    private final Clock clock;

    SignalConsumer(Inbox inbox, ExecutionStore store, ExecutionLedger ledger, RequestedLots requestedLots,
            WaitingReports waitingReports, Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.ledger = ledger;
        this.requestedLots = requestedLots;
        this.waitingReports = waitingReports;
        this.clock = clock;
    }

    @Incoming(CONSUMER)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consumeOnSqlClient(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(SqlConnection transaction, IntegrationEvent event) {
        if (event instanceof SignalIssued issued) {
            return issue(transaction, issued);
        }
        if (event instanceof SignalModified modified) {
            return modify(transaction, modified);
        }
        if (event instanceof SignalCancelled cancelled) {
            return cancel(transaction, cancelled);
        }
        // A close request is the terminal's to act on: its closing fills say what became of the position.
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> issue(SqlConnection transaction, SignalIssued issued) {
        // A MARKET signal may come without a reference price; its fills are then held for review.
        if (issued.signalId() == null || issued.userId() == null || issued.instrument() == null || issued.side() == null
                || issued.size() == null || issued.size().signum() <= 0
                || (issued.price() != null && issued.price().signum() <= 0) || issued.issuedAt() == null) {
            throw new IllegalArgumentException("incomplete signal " + issued.signalId());
        }
        Signal signal = Signal.of(issued, clock.instant());
        // Under the signal id's lock a report either finds the signal or waits where the reconciliation finds it.
        return store.lockSignalId(transaction, signal.signalId())
                .chain(() -> store.addSignal(transaction, signal))
                .chain(isNew -> !isNew ? Uni.createFrom().voidItem()
                        : store.openForDevicesTaking(transaction, signal, requestedLots, signal.receivedAt())
                                .chain(() -> waitingReports.signalArrived(transaction, signal)));
    }

    /** The new levels of the signal; a pending order's new price becomes the reference its fills are checked against. */
    private Uni<Void> modify(SqlConnection transaction, SignalModified modified) {
        return store.signal(transaction, modified.signalId()).chain(signal -> signal == null
                || !signal.userId().equals(modified.userId()) ? Uni.createFrom().voidItem()
                : store.modifySignal(transaction, signal.signalId(), modified.stopLoss(), modified.takeProfit(),
                        signal.orderType() == OrderType.MARKET ? null : modified.price()));
    }

    /**
     * The signal is withdrawn: the devices that never acted on it (PENDING) end CANCELLED now, each announced; one that
     * acknowledged it has an order to cancel and reports so when it has.
     */
    private Uni<Void> cancel(SqlConnection transaction, SignalCancelled cancelled) {
        Instant now = clock.instant();
        return store.cancelSignal(transaction, cancelled.signalId(), now).chain(signal -> signal == null
                || !signal.userId().equals(cancelled.userId()) ? Uni.createFrom().voidItem()
                : store.lockPendingOfSignal(transaction, signal.signalId()).chain(pending -> {
                    Uni<Void> written = Uni.createFrom().voidItem();
                    for (Execution execution : pending) {
                        LedgerChange change = ledger.cancel(execution, signal, SIGNAL_CANCELLED, now);
                        written = written.chain(() -> store.writeChange(transaction, change));
                    }
                    return written;
                }));
    }
}
