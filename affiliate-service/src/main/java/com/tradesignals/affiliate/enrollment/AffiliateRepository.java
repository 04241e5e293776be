package com.tradesignals.affiliate.enrollment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AffiliateRepository implements PanacheRepositoryBase<Affiliate, UUID> {

    public Uni<Affiliate> findByUserId(UUID userId) {
        return find("userId", userId).firstResult();
    }

    public Uni<Affiliate> findByToken(String token) {
        return find("referralToken", token).firstResult();
    }

    /** The affiliate row, locked for the rest of the transaction: every balance change takes this lock. */
    public Uni<Affiliate> lockByUserId(UUID userId) {
        return find("userId", userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Several affiliates locked at once, always in user id order so that two transactions cannot deadlock. */
    public Uni<List<Affiliate>> lockAll(Collection<UUID> userIds) {
        return find("userId in ?1 order by userId", userIds).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Enrols the user unless they already are; true when this call enrolled them. */
    public Uni<Boolean> insertIfAbsent(UUID userId, String token, Instant now) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into affiliates (id, user_id, referral_token, created_at, updated_at)
                        values (:id, :userId, :token, :now, :now)
                        on conflict (user_id) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("userId", userId)
                .setParameter("token", token)
                .setParameter("now", now)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }
}
