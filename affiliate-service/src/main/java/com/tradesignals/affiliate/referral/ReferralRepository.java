package com.tradesignals.affiliate.referral;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

    /** Which of these users have a pending referral. */
    public Uni<Set<UUID>> pendingAmong(Collection<UUID> referredUserIds) {
        List<UUID> users = List.copyOf(referredUserIds);
        return getSession().chain(session -> {
            var query = session.createNativeQuery("select referred_user_id from referrals where referred_user_id in ("
                    + parameterList("user", users.size()) + ") and status = 'PENDING'", UUID.class);
            for (int index = 0; index < users.size(); index++) {
                query.setParameter("user" + index, users.get(index));
            }
            return query.getResultList();
        }).map(Set::copyOf);
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

    /**
     * As {@link #referrerChain} for several users with one query: each user's referrers, level 1 first (a user without
     * a referrer is absent).
     */
    public Uni<Map<UUID, List<UUID>>> referrerChains(Collection<UUID> userIds, int levels) {
        List<UUID> users = List.copyOf(userIds);
        return getSession().chain(session -> {
            var query = session.createNativeQuery("""
                    with recursive chain (trader_id, user_id, depth) as (
                        select referred_user_id, referrer_id, 1 from referrals where referred_user_id in (%s)
                        union all
                        select c.trader_id, r.referrer_id, c.depth + 1
                        from referrals r join chain c on r.referred_user_id = c.user_id
                        where c.depth < :levels)
                    select trader_id, user_id from chain order by trader_id, depth"""
                    .formatted(parameterList("user", users.size())));
            query.setParameter("levels", levels);
            for (int index = 0; index < users.size(); index++) {
                query.setParameter("user" + index, users.get(index));
            }
            return query.getResultList();
        }).map(rows -> {
            Map<UUID, List<UUID>> chains = new HashMap<>();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                chains.computeIfAbsent(uuid(columns[0]), trader -> new ArrayList<>()).add(uuid(columns[1]));
            }
            return chains;
        });
    }

    private static String parameterList(String name, int size) {
        return IntStream.range(0, size).mapToObj(index -> ":" + name + index).collect(Collectors.joining(", "));
    }

    private static UUID uuid(Object column) {
        return column instanceof UUID id ? id : UUID.fromString(column.toString());
    }

    public Uni<List<Referral>> page(UUID referrerId, Instant beforeCreatedAt, UUID beforeId, int limit) {
        if (beforeCreatedAt == null) {
            return find("referrerId = ?1 order by createdAt desc, id desc", referrerId).page(0, limit).list();
        }
        return find("referrerId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) "
                + "order by createdAt desc, id desc", referrerId, beforeCreatedAt, beforeId).page(0, limit).list();
    }
}
