package com.tradesignals.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /**
     * Takes the relay's lock for the current transaction. One relay at a time across all replicas keeps
     * every key's events in commit order; the others find the lock taken and wait for their next turn.
     */
    public Uni<Boolean> tryLockRelay() {
        return getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtext('outbox-relay'))", Boolean.class)
                .getSingleResult());
    }

    public Uni<List<OutboxEvent>> oldestUnpublished(int limit) {
        return find("publishedAt is null order by position").page(0, limit).list();
    }

    public Uni<Long> countUnpublished() {
        return count("publishedAt is null");
    }
}
