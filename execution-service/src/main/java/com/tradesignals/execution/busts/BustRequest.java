package com.tradesignals.execution.busts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the fill is reversed (e.g. the broker cancelled the trade); kept in the audit log and the event. */
public record BustRequest(@NotBlank @Size(max = 500) String reason) {
}
