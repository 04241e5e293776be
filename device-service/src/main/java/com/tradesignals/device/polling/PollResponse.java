package com.tradesignals.device.polling;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a poll answers", requiredProperties = { "deliveries", "acknowledged_sequence",
        "server_time", "is_superseded" })
public record PollResponse(
        @Schema(description = "Unexpired, unacknowledged deliveries after the cursor, in sequence order")
        List<DeliveredSignal> deliveries,
        @Schema(description = "Every delivery up to this sequence is acknowledged and will not be handed out again",
                examples = "41") long acknowledgedSequence,
        @Schema(description = "The server's clock, to correct the device's") Instant serverTime,
        @Schema(description = "true when a newer long poll of the same device (on any replica) took this one's "
                + "place: `deliveries` is then empty and the newer poll gets what comes") boolean isSuperseded) {
}
