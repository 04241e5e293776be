package com.tradesignals.affiliate.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param reason why the affiliate is suspended: in the audit log and the event, not shown to the affiliate */
public record SuspendRequest(@NotBlank @Size(max = 500) String reason) {
}
