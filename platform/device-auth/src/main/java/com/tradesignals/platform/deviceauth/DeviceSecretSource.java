package com.tradesignals.platform.deviceauth;

import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;

/** Derives device secrets from the configured master key; the only place that reads it. */
@ApplicationScoped
public class DeviceSecretSource {

    private final DeviceAuthConfig config;
    private volatile byte[] masterKey;

    DeviceSecretSource(DeviceAuthConfig config) {
        this.config = config;
    }

    public byte[] secretOf(DeviceKeyId keyId) {
        return DeviceSecrets.derive(masterKey(), keyId);
    }

    private byte[] masterKey() {
        if (masterKey == null) {
            String hex = config.masterKey().orElseThrow(() -> new IllegalStateException(
                    "device-auth.master-key (DEVICE_AUTH_MASTER_KEY) is not configured"));
            masterKey = HexFormat.of().parseHex(hex.trim());
        }
        return masterKey;
    }
}
