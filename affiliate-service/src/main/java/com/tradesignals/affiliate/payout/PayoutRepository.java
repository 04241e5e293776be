package com.tradesignals.affiliate.payout;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PayoutRepository implements PanacheRepositoryBase<Payout, UUID> {

    /**
     * What a payout request needs to know besides the affiliate's row, in one query: the payout an earlier request
     * with this idempotency key made (null without a key or without one), and the affiliate's held balance (accrued
     * entries not yet available as of {@code maturedBy}, as {@code CommissionRepository.heldAmount} sums them).
     */
    public Uni<RequestStanding> requestStanding(UUID referrerId, String idempotencyKey, Instant maturedBy) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select (select id from commission_payouts
                                where referrer_id = :referrer and idempotency_key = cast(:key as varchar)),
                               (select coalesce(sum(amount), 0) from commissions
                                where referrer_id = :referrer and status = 'ACCRUED' and available_at > :maturedBy)""")
                .setParameter("referrer", referrerId)
                .setParameter("key", idempotencyKey)
                .setParameter("maturedBy", maturedBy)
                .getSingleResult())
                .map(row -> {
                    Object[] columns = (Object[]) row;
                    return new RequestStanding(columns[0] == null ? null : UUID.fromString(columns[0].toString()),
                            new BigDecimal(columns[1].toString()));
                });
    }

    /** @param earlierPayoutId the payout an earlier request with the same idempotency key made, or null */
    public record RequestStanding(UUID earlierPayoutId, BigDecimal held) {
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
