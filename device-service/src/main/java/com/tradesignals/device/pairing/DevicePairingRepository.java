package com.tradesignals.device.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class DevicePairingRepository implements PanacheRepositoryBase<DevicePairing, UUID> {

    /** Serialises starting pairings across replicas for the rest of the transaction, so the cap is exact. */
    Uni<Void> lockStarts() {
        return getSession().chain(session -> session
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('device_pairings.start'))")
                .getSingleResult())
                .replaceWithVoid();
    }

    Uni<Long> countPending(Instant now) {
        return count("approvedAt is null and expiresAt > ?1", now);
    }

    Uni<Boolean> isUserCodePending(String userCodeHash, Instant now) {
        return count("userCodeHash = ?1 and approvedAt is null and expiresAt > ?2", userCodeHash, now)
                .map(count -> count > 0);
    }

    /** The pending, unexpired pairing with this user code, locked for the rest of the transaction; or null. */
    Uni<DevicePairing> lockPendingByUserCode(String userCodeHash, Instant now) {
        return find("userCodeHash = ?1 and approvedAt is null and expiresAt > ?2", userCodeHash, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The pairing with this device code, locked for the rest of the transaction; or null. */
    Uni<DevicePairing> lockByDeviceCode(String deviceCodeHash) {
        return find("deviceCodeHash = ?1", deviceCodeHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Deletes pairings that expired before {@code cutoff}: neither code can do anything with them any more. */
    Uni<Long> deleteExpiredBefore(Instant cutoff) {
        return delete("expiresAt < ?1", cutoff);
    }
}
