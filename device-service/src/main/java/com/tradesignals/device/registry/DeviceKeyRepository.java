package com.tradesignals.device.registry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeviceKeyRepository implements PanacheRepositoryBase<DeviceKey, DeviceKey.Id> {

    /** Every key version of the device, newest first. */
    public Uni<List<DeviceKey>> ofDevice(UUID deviceId) {
        return list("deviceId = ?1 order by keyVersion desc", deviceId);
    }

    /** Ends every key version of the device that is still live at {@code now}. */
    public Uni<Integer> expireAll(UUID deviceId, Instant now) {
        return update("validUntil = ?2 where deviceId = ?1 and (validUntil is null or validUntil > ?2)", deviceId, now);
    }
}
