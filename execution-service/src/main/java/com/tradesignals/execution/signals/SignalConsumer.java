package com.tradesignals.execution.signals;

import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.execution.ledger.ExecutionStore;
import com.tradesignals.execution.ledger.Signal;
import com.tradesignals.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Learns signals from signals.v1, each event applied once: stores the signal, opens a PENDING execution for each
 * of the user's active devices, and has the reports that arrived before the signal applied ({@link WaitingReports}),
 * all in the transaction that marks the event processed.
 */
@ApplicationScoped
public class SignalConsumer {

    private static final String CONSUMER = "signals";

    private final Inbox inbox;
    private final ExecutionStore store;
    private final WaitingReports waitingReports;
    private final Clock clock;

    SignalConsumer(Inbox inbox, ExecutionStore store, WaitingReports waitingReports, Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.waitingReports = waitingReports;
        this.clock = clock;
    }

    @Incoming(CONSUMER)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consumeOnSqlClient(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(SqlConnection transaction, IntegrationEvent event) {
        if (!(event instanceof SignalIssued issued)) {
            return Uni.createFrom().voidItem();
        }
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
                        : store.openForActiveDevices(transaction, signal.signalId(), signal.userId(), signal.receivedAt())
                                .chain(() -> waitingReports.signalArrived(transaction, signal)));
    }
}
