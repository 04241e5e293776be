package com.tradesignals.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

    /** One statement for the whole batch, rather than one update per event. */
    public Uni<Integer> markPublished(List<OutboxEvent> events, Instant publishedAt) {
        return update("publishedAt = ?1 where position in ?2", publishedAt,
                events.stream().map(event -> event.position).toList());
    }

    public Uni<Long> countUnpublished() {
        return count("publishedAt is null");
    }
}
