package com.tradesignals.execution.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ExecutionRepository implements PanacheRepositoryBase<Execution, UUID> {

    /**
     * The execution of (signal, device), created PENDING if there is none yet, locked (SELECT ... FOR UPDATE) until
     * the transaction ends: two reports for one execution are applied one after the other, so two fills can never
     * both pass the overfill check.
     */
    public Uni<Execution> openLocked(UUID signalId, UUID deviceId, UUID userId, Instant now) {
        // Usually the execution exists (created for the user's active devices when the signal arrived, or by the
        // device's earlier report): one locking read. Only the first report of a device the signal did not know
        // about creates it, then reads it locked.
        return lockOf(signalId, deviceId).chain(execution -> execution != null ? Uni.createFrom().item(execution)
                : createIfAbsent(signalId, deviceId, userId, now).chain(() -> lockOf(signalId, deviceId)));
    }

    private Uni<Execution> lockOf(UUID signalId, UUID deviceId) {
        return find("signalId = ?1 and deviceId = ?2", signalId, deviceId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<Integer> createIfAbsent(UUID signalId, UUID deviceId, UUID userId, Instant now) {
        return getSession().chain(session -> session
                .createNativeQuery("insert into executions (execution_id, signal_id, device_id, user_id, state, "
                        + "created_at, updated_at) values (:executionId, :signalId, :deviceId, :userId, 'PENDING', :now, :now) "
                        + "on conflict (signal_id, device_id) do nothing")
                .setParameter("executionId", UUID.randomUUID())
                .setParameter("signalId", signalId)
                .setParameter("deviceId", deviceId)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .executeUpdate());
    }

    /** A PENDING execution for each active device the user has, so that the status shows who has not answered yet. */
    public Uni<Integer> createForActiveDevices(UUID signalId, UUID userId, Instant now) {
        return getSession().chain(session -> session
                .createNativeQuery("insert into executions (execution_id, signal_id, device_id, user_id, state, "
                        + "created_at, updated_at) select gen_random_uuid(), :signalId, device_id, user_id, 'PENDING', :now, :now "
                        + "from known_devices where user_id = :userId and is_active "
                        + "on conflict (signal_id, device_id) do nothing")
                .setParameter("signalId", signalId)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .executeUpdate());
    }

    public Uni<List<Execution>> ofSignal(UUID signalId) {
        return list("signalId = ?1 order by createdAt, deviceId", signalId);
    }

    public Uni<Execution> lockById(UUID executionId) {
        return findById(executionId, LockModeType.PESSIMISTIC_WRITE);
    }
}
