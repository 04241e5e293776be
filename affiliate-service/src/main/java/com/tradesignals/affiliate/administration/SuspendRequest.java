package com.tradesignals.affiliate.administration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param reason why the affiliate is suspended: in the audit log and the event, not shown to the affiliate */
@Schema(description = "Why an affiliate is suspended")
public record SuspendRequest(
        @Schema(description = "Why: in the audit log and the event, not shown to the affiliate",
                examples = "chargeback investigation")
        @NotBlank @Size(max = 500) String reason) {
}
