package com.tradesignals.device.polling;

import java.time.Instant;
import java.util.List;

/**
 * What a poll answers.
 *
 * @param deliveries         unexpired, unacknowledged deliveries after the cursor, in sequence order
 * @param acknowledgedSequence every delivery up to this sequence is acknowledged and will not be handed out again
 * @param serverTime         the server's clock, to correct the device's
 * @param isSuperseded       {@code true} when a newer long poll of the same device (on any replica) took this
 *                           one's place: {@code deliveries} is then empty and the newer poll gets what comes
 */
public record PollResponse(List<DeliveredSignal> deliveries, long acknowledgedSequence, Instant serverTime,
        boolean isSuperseded) {
}
