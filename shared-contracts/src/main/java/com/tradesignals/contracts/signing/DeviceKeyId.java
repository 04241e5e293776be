package com.tradesignals.contracts.signing;

import java.util.UUID;

/**
 * Names one key of one device: {@code <device_id>.<key_version>}, the {@code kid} of a signed request.
 * Key versions start at 1 and grow by one with every rotation.
 */
public record DeviceKeyId(UUID deviceId, int keyVersion) {

    public DeviceKeyId {
        if (deviceId == null) {
            throw new IllegalArgumentException("device id is required");
        }
        if (keyVersion < 1) {
            throw new IllegalArgumentException("key version must be at least 1");
        }
    }

    /** Parses {@code <uuid>.<version>}; throws {@link IllegalArgumentException} on anything else. */
    public static DeviceKeyId parse(String kid) {
        int dot = kid == null ? -1 : kid.lastIndexOf('.');
        if (dot < 1 || dot == kid.length() - 1) {
            throw new IllegalArgumentException("kid must be <device_id>.<key_version>");
        }
        try {
            return new DeviceKeyId(UUID.fromString(kid.substring(0, dot)), Integer.parseInt(kid.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("kid must be <device_id>.<key_version>", e);
        }
    }

    @Override
    public String toString() {
        return deviceId + "." + keyVersion;
    }
}
