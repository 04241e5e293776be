package com.tradesignals.affiliate.payout;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PayoutRepository implements PanacheRepositoryBase<Payout, UUID> {

    public Uni<Payout> findByIdempotencyKey(UUID referrerId, String idempotencyKey) {
        return find("referrerId = ?1 and idempotencyKey = ?2", referrerId, idempotencyKey).firstResult();
    }

    public Uni<Payout> lock(UUID payoutId) {
        return find("id", payoutId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Locks up to {@code limit} payouts due for the provider, skipping those another replica holds: pending
     * ones (unless their affiliate is suspended), and processing ones whose provider call was lost (started
     * before {@code staleBefore}; sent again even while suspended, since the money may have moved).
     */
    public Uni<List<UUID>> lockDue(Instant staleBefore, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select id from commission_payouts p
                        where (status = 'PENDING' and not exists (select 1 from affiliates a
                                   where a.user_id = p.referrer_id and a.suspended_at is not null))
                           or (status = 'PROCESSING' and processing_started_at < :staleBefore)
                        order by created_at, id
                        limit :limit
                        for update skip locked""", UUID.class)
                .setParameter("staleBefore", staleBefore)
                .setParameter("limit", limit)
                .getResultList());
    }

    public Uni<List<Payout>> page(UUID referrerId, Payout.Status status, Instant beforeCreatedAt, UUID beforeId,
            int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (referrerId != null) {
            query.append(" and referrerId = :referrerId");
            parameters.put("referrerId", referrerId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.put("status", status);
        }
        if (beforeCreatedAt != null) {
            query.append(" and (createdAt < :before or (createdAt = :before and id < :beforeId))");
            parameters.put("before", beforeCreatedAt);
            parameters.put("beforeId", beforeId);
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), parameters).page(0, limit).list();
    }
}
