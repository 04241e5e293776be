package com.tradesignals.affiliate.activation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Devices users registered and unlinked, from devices.lifecycle.v1: under {@code affiliates.activation=first-device} a
 * referral activates with a device that is still linked.
 */
@ApplicationScoped
public class UserDeviceRepository {

    /** Records a registration; a device already known (registered, or its revocation seen first) is left as it is. */
    public Uni<Void> registered(UUID deviceId, UUID userId, Instant registeredAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into user_devices (device_id, user_id, registered_at) values (:deviceId, :userId, :at)
                        on conflict (device_id) do nothing""")
                .setParameter("deviceId", deviceId)
                .setParameter("userId", userId)
                .setParameter("at", registeredAt)
                .executeUpdate()
                .replaceWithVoid());
    }

    /** Records an unlink, also of a device whose registration has not been seen: it can never activate anyone. */
    public Uni<Void> revoked(UUID deviceId, UUID userId, Instant revokedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into user_devices (device_id, user_id, registered_at, revoked_at)
                        values (:deviceId, :userId, :at, :at)
                        on conflict (device_id) do update set revoked_at = coalesce(user_devices.revoked_at, :at)""")
                .setParameter("deviceId", deviceId)
                .setParameter("userId", userId)
                .setParameter("at", revokedAt)
                .executeUpdate()
                .replaceWithVoid());
    }

    public Uni<Boolean> hasLinkedDevice(UUID userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select exists (select 1 from user_devices where user_id = :userId and revoked_at is null)",
                        Boolean.class)
                .setParameter("userId", userId)
                .getSingleResult());
    }
}
