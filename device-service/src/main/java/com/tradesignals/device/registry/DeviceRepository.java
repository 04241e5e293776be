package com.tradesignals.device.registry;

import com.tradesignals.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

    /**
     * {@link #lockUser} for several users in one statement, in the order of their lock keys, so that two
     * transactions locking overlapping users cannot deadlock.
     */
    public Uni<Void> lockUsers(Collection<UUID> userIds) {
        List<String> users = userIds.stream().map(UUID::toString).distinct().toList();
        String rows = IntStream.range(0, users.size()).mapToObj(index -> "(:user" + index + ")")
                .collect(Collectors.joining(", "));
        return getSession().chain(session -> {
            var query = session.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(user_id)) "
                    + "from (values " + rows + ") as users (user_id) order by hashtext(user_id)) as locked");
            for (int index = 0; index < users.size(); index++) {
                query.setParameter("user" + index, users.get(index));
            }
            return query.getSingleResult();
        }).replaceWithVoid();
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
