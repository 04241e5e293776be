package com.tradesignals.device.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A device's new name")
public record RenameDeviceRequest(
        @Schema(description = "The device's new name", examples = "MT5 laptop")
        @NotBlank @Size(max = 100) String name) {
}
