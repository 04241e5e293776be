package com.tradesignals.device.registry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
}
