package com.tradesignals.platform.deviceauth;

import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.contracts.signing.DeviceSecrets;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The test service's key directory: devices issued by the tests, kept in memory. */
@ApplicationScoped
public class DeviceKeys implements DeviceKeyDirectory {

    private final Map<DeviceKeyId, DeviceKeyStatus> keys = new ConcurrentHashMap<>();
    private final DeviceSecretSource secrets;
    private final DeviceKeyCache cache;

    DeviceKeys(DeviceSecretSource secrets, DeviceKeyCache cache) {
        this.secrets = secrets;
        this.cache = cache;
    }

    /** A new device of {@code userId} with a usable first key, and a signer holding its secret. */
    DeviceRequestSigner issue(UUID userId) {
        DeviceKeyId keyId = new DeviceKeyId(UUID.randomUUID(), 1);
        keys.put(keyId, new DeviceKeyStatus(keyId.deviceId(), userId, true));
        return new DeviceRequestSigner(keyId, DeviceSecrets.toHex(secrets.secretOf(keyId)));
    }

    /** The device's key stops working, and the service forgets it as a service does once the revocation committed. */
    void revoke(DeviceKeyId keyId) {
        keys.computeIfPresent(keyId, (id, status) -> new DeviceKeyStatus(status.deviceId(), status.userId(), false));
        cache.forgetDevice(keyId.deviceId());
    }

    @Override
    public Uni<DeviceKeyStatus> find(DeviceKeyId keyId, Instant now) {
        return Uni.createFrom().item(keys.get(keyId));
    }
}
