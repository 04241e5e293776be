package com.tradesignals.device.pairing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A terminal asks for the key of its pairing")
public record CollectKeyRequest(
        @Schema(description = "The `device_code` the pairing was started with")
        @NotBlank @Size(max = 100) String deviceCode) {
}
