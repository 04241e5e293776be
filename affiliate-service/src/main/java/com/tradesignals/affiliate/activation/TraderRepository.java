package com.tradesignals.affiliate.activation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Users whose fills affiliate-service has received (commissionable or not): a user who trades can no longer claim
 * a referrer. One row per user, written in the fill consumer's transaction.
 */
@ApplicationScoped
public class TraderRepository {

    /** Records the user's first fill; true when this is the first fill received for them. */
    public Uni<Boolean> recordFill(UUID userId, UUID fillId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into traders (user_id, first_fill_id, recorded_at) values (:userId, :fillId, :now)
                        on conflict (user_id) do nothing""")
                .setParameter("userId", userId)
                .setParameter("fillId", fillId)
                .setParameter("now", now)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    public Uni<Boolean> hasTraded(UUID userId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select exists (select 1 from traders where user_id = :userId)", Boolean.class)
                .setParameter("userId", userId)
                .getSingleResult());
    }
}
