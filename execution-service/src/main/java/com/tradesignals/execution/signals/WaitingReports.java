package com.tradesignals.execution.signals;

import com.tradesignals.execution.ledger.Signal;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What waits for a signal: the reports that arrived before it. Told in the transaction that stores the signal (and
 * marks its event processed), so the signal and what it settles commit together.
 */
public interface WaitingReports {

    Uni<Void> signalArrived(SqlConnection transaction, Signal signal);
}
