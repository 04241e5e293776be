package com.tradesignals.device.pairing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The code a terminal shows, entered by the user to link that terminal to their account")
public record ApprovePairingRequest(
        @Schema(description = "The user code the terminal shows; case, spaces and the dash do not matter",
                examples = "WDJB-MJHT") @NotBlank @Size(max = 20) String userCode,
        @Schema(description = "How the user tells this terminal apart", examples = "MT5 office PC")
        @NotBlank @Size(max = 100) String name) {
}
