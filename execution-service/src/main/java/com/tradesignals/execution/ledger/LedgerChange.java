package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.IntegrationEvent;

/**
 * What {@link ExecutionLedger} decided for one report, besides the changes it made to the execution: the outcome,
 * the fill to store (if any) and the event to publish with it (if any). The caller writes them in its transaction.
 */
public record LedgerChange(Outcome outcome, Fill fill, IntegrationEvent event) {

    /** Nothing to store but the report: it waits for its signal. */
    public static final LedgerChange AWAITING_SIGNAL = new LedgerChange(Outcome.AWAITING_SIGNAL, null, null);

    public static LedgerChange of(Outcome outcome) {
        return new LedgerChange(outcome, null, null);
    }
}
