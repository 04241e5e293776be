package com.tradesignals.device.registry;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeviceKeyRepository implements PanacheRepositoryBase<DeviceKey, DeviceKey.Id> {

    /**
     * Notified with a device id when its keys changed (revoked, rotated): sent on commit to every replica, which
     * forgets the device's cached keys (decision 0016).
     */
    public static final String KEYS_CHANGED_CHANNEL = "device_keys_changed";

    /** Every key version of the device, newest first. */
    public Uni<List<DeviceKey>> ofDevice(UUID deviceId) {
        return list("deviceId = ?1 order by keyVersion desc", deviceId);
    }

    /** Ends every key version of the device that is still live at {@code now}. */
    public Uni<Integer> expireAll(UUID deviceId, Instant now) {
        return update("validUntil = ?2 where deviceId = ?1 and (validUntil is null or validUntil > ?2)", deviceId, now);
    }

    /** Tells every replica, when the transaction commits, that the device's keys changed. */
    public Uni<Void> announceChange(UUID deviceId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from (select pg_notify('" + KEYS_CHANGED_CHANNEL + "', :deviceId)) as notified",
                        Long.class)
                .setParameter("deviceId", deviceId.toString())
                .getSingleResult())
                .replaceWithVoid();
    }
}
