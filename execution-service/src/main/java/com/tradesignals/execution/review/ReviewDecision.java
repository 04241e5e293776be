package com.tradesignals.execution.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the administrator approves or rejects the fill (e.g. what the broker's statement shows); audited and published. */
@Schema(description = "Why a fill is approved or rejected")
public record ReviewDecision(
        @Schema(description = "Why the administrator decides so (e.g. what the broker's statement shows); audited "
                + "and published", examples = "the broker's statement shows 1.10600")
        @NotBlank @Size(max = 500) String reason) {
}
