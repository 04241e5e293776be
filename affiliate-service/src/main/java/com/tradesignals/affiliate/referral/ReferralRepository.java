package com.tradesignals.affiliate.referral;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    /** Deeper than any real tree; only bounds the walk. */
    static final int MAX_TREE_DEPTH = 10_000;

    private static final long TREE_LOCK = 0x4146_4654_5245_45L;

    /**
     * Serialises every change of the referral tree and of activation for the rest of the transaction: a
     * claim's cycle check, a claim racing an activation and a claim racing the claimant's first fill all need a
     * stable tree. Claims, activations and first fills are rare (once per user), so one lock costs nothing.
     */
    public Uni<Void> lockTree() {
        return getSession().chain(session -> session
                        .createNativeQuery("select pg_advisory_xact_lock(:key)")
                        .setParameter("key", TREE_LOCK)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** Whether the user's referral is pending, read as a value (not a managed entity that a later read would reuse). */
    public Uni<Boolean> isPending(UUID referredUserId) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select exists (select 1 from referrals where referred_user_id = :userId and status = 'PENDING')",
                        Boolean.class)
                .setParameter("userId", referredUserId)
                .getSingleResult());
    }

    public Uni<Referral> findByReferred(UUID referredUserId) {
        return find("referredUserId", referredUserId).firstResult();
    }

    /** The referrers above {@code userId}: level 1 (their own referrer) first, at most {@code levels}. */
    public Uni<List<UUID>> referrerChain(UUID userId, int levels) {
        return getSession().chain(session -> session.createNativeQuery("""
                        with recursive chain (user_id, depth) as (
                            select referrer_id, 1 from referrals where referred_user_id = :userId
                            union all
                            select r.referrer_id, c.depth + 1
                            from referrals r join chain c on r.referred_user_id = c.user_id
                            where c.depth < :levels)
                        select user_id from chain order by depth""", UUID.class)
                .setParameter("userId", userId)
                .setParameter("levels", levels)
                .getResultList());
    }

    public Uni<List<Referral>> page(UUID referrerId, Instant beforeCreatedAt, UUID beforeId, int limit) {
        if (beforeCreatedAt == null) {
            return find("referrerId = ?1 order by createdAt desc, id desc", referrerId).page(0, limit).list();
        }
        return find("referrerId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) "
                + "order by createdAt desc, id desc", referrerId, beforeCreatedAt, beforeId).page(0, limit).list();
    }
}
