package com.tradesignals.execution.busts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the fill is reversed (e.g. the broker cancelled the trade); kept in the audit log and the event. */
@Schema(description = "Why a fill is busted")
public record BustRequest(
        @Schema(description = "Why the fill is reversed; kept in the audit log and the event",
                examples = "broker cancelled ticket T-1")
        @NotBlank @Size(max = 500) String reason) {
}
