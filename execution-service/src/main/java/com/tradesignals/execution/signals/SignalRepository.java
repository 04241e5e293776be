package com.tradesignals.execution.signals;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SignalRepository implements PanacheRepositoryBase<Signal, UUID> {

    /**
     * Serialises, for the rest of the transaction, whoever decides whether a signal is known: a report that finds
     * no signal and parks itself, and the consumer that stores the signal and reconciles what was parked. Without
     * it a report could park itself just after the reconciliation looked, and wait forever.
     */
    public Uni<Void> lockSignalId(UUID signalId) {
        return getSession().chain(session -> session
                .createNativeQuery("select pg_advisory_xact_lock(hashtext(:signalId))")
                .setParameter("signalId", signalId.toString())
                .getSingleResult())
                .replaceWithVoid();
    }
}
