package com.tradesignals.device.timeline;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A signal's deliveries to the caller's devices", requiredProperties = { "signal_id", "deliveries" })
public record SignalDeliveries(
        @Schema(description = "The signal") UUID signalId,
        @Schema(description = "One entry per delivery (its open and any modify, cancel or close) per device, in "
                + "the order they were created; empty while the signal waits for the caller's first device")
        List<DeliveryEntry> deliveries) {
}
