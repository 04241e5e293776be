package com.tradesignals.device.polling;

import java.time.Instant;
import java.util.List;

/** What one read found: whether the device may still poll, its acknowledged cursor and what is due. */
record DueDeliveries(boolean isActive, long acknowledgedSequence, List<Due> due) {

    /** @param traceparent the trace of the signal's consumption; null if it had none */
    record Due(DeliveredSignal signal, Instant createdAt, String traceparent) {
    }

    boolean isEmpty() {
        return due.isEmpty();
    }

    List<DeliveredSignal> signals() {
        return due.stream().map(Due::signal).toList();
    }
}
