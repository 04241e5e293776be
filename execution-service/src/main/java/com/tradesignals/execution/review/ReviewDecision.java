package com.tradesignals.execution.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the administrator approves or rejects the fill (e.g. what the broker's statement shows); audited and published. */
public record ReviewDecision(@NotBlank @Size(max = 500) String reason) {
}
