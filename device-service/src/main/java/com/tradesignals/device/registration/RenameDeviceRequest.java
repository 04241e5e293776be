package com.tradesignals.device.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param name the device's new name */
public record RenameDeviceRequest(@NotBlank @Size(max = 100) String name) {
}
