package com.tradesignals.device.registry;

import com.tradesignals.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    /** Serialises one user's device changes for the rest of the transaction (the device limit needs it). */
    public Uni<Void> lockUser(UUID userId) {
        return getSession().chain(session -> session
                .createNativeQuery("select pg_advisory_xact_lock(hashtext(:userId))")
                .setParameter("userId", userId.toString())
                .getSingleResult())
                .replaceWithVoid();
    }

    public Uni<Long> countActive(UUID userId) {
        return count("userId = ?1 and isActive = true", userId);
    }

    public Uni<List<Device>> ownedBy(UUID userId) {
        return list("userId = ?1 order by createdAt, id", userId);
    }

    /** The user's device, or a 404 problem: someone else's device is answered exactly like a missing one. */
    public Uni<Device> findOwned(UUID userId, UUID deviceId) {
        return find("id = ?1 and userId = ?2", deviceId, userId).firstResult().map(device -> owned(device));
    }

    /** As {@link #findOwned}, with the row locked for the rest of the transaction (key rotation, unlink). */
    public Uni<Device> lockOwned(UUID userId, UUID deviceId) {
        return find("id = ?1 and userId = ?2", deviceId, userId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult().map(device -> owned(device));
    }

    private static Device owned(Device device) {
        if (device == null) {
            throw ProblemException.notFound("Device");
        }
        return device;
    }
}
