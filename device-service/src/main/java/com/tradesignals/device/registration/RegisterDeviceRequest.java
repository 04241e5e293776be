package com.tradesignals.device.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A terminal to link to the caller's account")
public record RegisterDeviceRequest(
        @Schema(description = "How the user tells this terminal apart", examples = "MT5 office PC")
        @NotBlank @Size(max = 100) String name) {
}
