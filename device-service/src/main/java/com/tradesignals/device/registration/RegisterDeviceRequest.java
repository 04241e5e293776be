package com.tradesignals.device.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param name how the user tells this terminal apart, e.g. "MT5 office PC" */
public record RegisterDeviceRequest(@NotBlank @Size(max = 100) String name) {
}
