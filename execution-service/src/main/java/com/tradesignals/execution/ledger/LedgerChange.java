package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.IntegrationEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ExecutionLedger} decided: the outcome, the execution as it is now (null when there is none to write),
 * the fill or closing fill to store (if any), the events to publish with it, in order, and the signal's commissionable
 * lots, opening and closing, when they changed (else null). {@link ExecutionStore} writes them in the caller's
 * transaction.
 */
public record LedgerChange(Outcome outcome, Execution execution, Fill fill, ClosingFill closingFill,
        List<IntegrationEvent> events, BigDecimal signalCommissionableSize,
        BigDecimal signalClosingCommissionableSize) {

    /** Nothing to store but the report: it waits for its signal. */
    public static final LedgerChange AWAITING_SIGNAL = of(Outcome.AWAITING_SIGNAL);

    /** Nothing to write but the report. */
    public static LedgerChange of(Outcome outcome) {
        return of(outcome, null);
    }

    static LedgerChange of(Outcome outcome, Execution execution) {
        return new LedgerChange(outcome, execution, null, null, List.of(), null, null);
    }

    static LedgerChange announced(Outcome outcome, Execution execution, IntegrationEvent... events) {
        return new LedgerChange(outcome, execution, null, null, List.of(events), null, null);
    }

    static LedgerChange ofFill(Outcome outcome, Execution execution, Fill fill, IntegrationEvent event,
            BigDecimal signalCommissionableSize) {
        return new LedgerChange(outcome, execution, fill, null, event == null ? List.of() : List.of(event),
                signalCommissionableSize, null);
    }

    /** This change with {@code event} published before its own (an expiry the report found due). */
    public LedgerChange afterEvent(IntegrationEvent event) {
        List<IntegrationEvent> all = new ArrayList<>(events.size() + 1);
        all.add(event);
        all.addAll(events);
        return new LedgerChange(outcome, execution, fill, closingFill, List.copyOf(all), signalCommissionableSize,
                signalClosingCommissionableSize);
    }
}
