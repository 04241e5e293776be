package com.tradesignals.device.timeline;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery to one device and what became of it so far. */
@Schema(description = "A delivery to one of the caller's devices and its timeline", requiredProperties = {
        "device_id", "sequence", "kind", "signal_id", "instrument", "state", "created_at", "signal_expires_at" })
public record DeliveryEntry(
        @Schema(description = "The device it is for") UUID deviceId,
        @Schema(description = "The device's delivery number", examples = "42") long sequence,
        @Schema(description = "`open`, `modify`, `cancel` or `close` (docs/device-service.md, \"Delivery kinds\")",
                enumeration = { "open", "modify", "cancel", "close" }) String kind,
        @Schema(description = "The signal it carries") UUID signalId,
        @Schema(description = "The signal's instrument", examples = "EURUSD") String instrument,
        @Schema(description = "`waiting`: no poll answered it yet; `handed`: answered, not acknowledged; "
                + "`acknowledged`: a poll's cursor covered it; `expired`: its signal expired before it was "
                + "acknowledged, it will never be handed out; `cancelled`: withdrawn (signal cancelled or device "
                + "unlinked before it was acknowledged)",
                enumeration = { "waiting", "handed", "acknowledged", "expired", "cancelled" }) String state,
        @Schema(description = "When it was created (the signal's fan-out, or the action's)") Instant createdAt,
        @Schema(description = "When a poll answer first held it; null before", nullable = true) Instant firstHandedAt,
        @Schema(description = "When the poll acknowledging it arrived; null before (and for deliveries acknowledged "
                + "before timelines were recorded)", nullable = true) Instant acknowledgedAt,
        @Schema(description = "When it was withdrawn; null unless cancelled", nullable = true) Instant cancelledAt,
        @Schema(description = "When its signal expires (an `open` is not handed out after it)")
        Instant signalExpiresAt) {
}
