package com.tradesignals.platform.deviceauth;

import com.tradesignals.contracts.signing.DeviceKeyId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * Where a service looks up the devices it accepts signed requests from. device-service reads its own
 * registry; execution-service reads what devices.lifecycle.v1 told it. Each service provides one bean.
 */
public interface DeviceKeyDirectory {

    /** The key's device and whether the key may sign requests at {@code now}; {@code null} when unknown. */
    Uni<DeviceKeyStatus> find(DeviceKeyId keyId, Instant now);
}
