package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.IntegrationEvent;
import java.math.BigDecimal;

/**
 * What {@link ExecutionLedger} decided: the outcome, the execution as it is now (null when there is none to write),
 * the fill to store (if any), the event to publish with it (if any) and the signal's commissionable lots when they
 * changed (else null). {@link ExecutionStore} writes them in the caller's transaction.
 */
public record LedgerChange(Outcome outcome, Execution execution, Fill fill, IntegrationEvent event,
        BigDecimal signalCommissionableSize) {

    /** Nothing to store but the report: it waits for its signal. */
    public static final LedgerChange AWAITING_SIGNAL = of(Outcome.AWAITING_SIGNAL);

    /** Nothing to write but the report. */
    public static LedgerChange of(Outcome outcome) {
        return new LedgerChange(outcome, null, null, null, null);
    }

    static LedgerChange of(Outcome outcome, Execution execution) {
        return new LedgerChange(outcome, execution, null, null, null);
    }
}
