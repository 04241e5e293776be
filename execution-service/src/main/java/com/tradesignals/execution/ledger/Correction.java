package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.IntegrationEvent;
import java.math.BigDecimal;

/**
 * What {@link ExecutionLedger} decided for an administrator's correction of a stored fill (bust, approval,
 * rejection): the fill and its execution as they are now, the event to publish (if any) and the signal's
 * commissionable lots when they changed (else null). {@link ExecutionStore#writeCorrection} writes them in the
 * caller's transaction. Unlike a {@link LedgerChange} it answers no report, so it has no outcome.
 */
public record Correction(Execution execution, Fill fill, IntegrationEvent event,
        BigDecimal signalCommissionableSize) {
}
