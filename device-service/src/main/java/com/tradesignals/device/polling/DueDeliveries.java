package com.tradesignals.device.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one read found: whether the device may still poll, its acknowledged cursor and what is due.
 *
 * @param handedToAcknowledged for each delivery this read newly acknowledged that had been handed out, how long after
 */
record DueDeliveries(boolean isActive, long acknowledgedSequence, List<Due> due, List<Duration> handedToAcknowledged) {

    /**
     * @param isFirstHanding no poll answered it before this one
     * @param traceparent    the trace of the signal's consumption; null if it had none
     */
    record Due(DeliveredSignal signal, Instant createdAt, boolean isFirstHanding, String traceparent) {
    }

    boolean isEmpty() {
        return due.isEmpty();
    }

    List<DeliveredSignal> signals() {
        return due.stream().map(Due::signal).toList();
    }
}
