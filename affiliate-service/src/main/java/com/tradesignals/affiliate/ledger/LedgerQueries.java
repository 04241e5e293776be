package com.tradesignals.affiliate.ledger;

import com.tradesignals.affiliate.commission.Commission;
import com.tradesignals.affiliate.commission.CommissionCalculator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** The read side of the ledger: statements and aggregates. */
@ApplicationScoped
public class LedgerQueries {

    /**
     * Entries newest first, after the cursor position if any, at most {@code limit}. HELD and AVAILABLE are as of
     * {@code maturedBy} (the affiliate's {@code maturedBy(now)}).
     */
    public Uni<List<Commission>> entries(UUID referrerId, HistoryFilter filter, Instant maturedBy, Instant beforeCreatedAt,
            UUID beforeId, int limit) {
        StringBuilder where = new StringBuilder("from Commission c where c.referrerId = :referrer");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("referrer", referrerId);
        if (filter.status() != null) {
            switch (filter.status()) {
                case HELD -> where.append(" and c.status = :status and c.availableAt > :maturedBy");
                case AVAILABLE -> where.append(" and c.status = :status and c.availableAt <= :maturedBy");
                default -> where.append(" and c.status = :status");
            }
            parameters.put("status", switch (filter.status()) {
                case HELD, AVAILABLE -> Commission.Status.ACCRUED;
                default -> Commission.Status.valueOf(filter.status().name());
            });
            if (filter.status() == EntryStatus.HELD || filter.status() == EntryStatus.AVAILABLE) {
                parameters.put("maturedBy", maturedBy);
            }
        }
        if (filter.from() != null) {
            where.append(" and c.createdAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and c.createdAt < :to");
            parameters.put("to", filter.to());
        }
        if (beforeCreatedAt != null) {
            where.append(" and (c.createdAt < :before or (c.createdAt = :before and c.id < :beforeId))");
            parameters.put("before", beforeCreatedAt);
            parameters.put("beforeId", beforeId);
        }
        where.append(" order by c.createdAt desc, c.id desc");
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(where.toString(), Commission.class).setMaxResults(limit);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    public Uni<List<StatsView.MonthEarnings>> earningsByMonth(UUID referrerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select to_char(created_at at time zone 'UTC', 'YYYY-MM') as month,
                               coalesce(sum(amount) filter (where entry_type = 'COMMISSION' and status <> 'REFUNDED'), 0),
                               coalesce(sum(amount) filter (where entry_type = 'CLAWBACK'), 0),
                               coalesce(sum(amount) filter (where entry_type = 'ADJUSTMENT'), 0)
                        from commissions where referrer_id = :referrer
                        group by 1 order by 1 desc""", Object[].class)
                .setParameter("referrer", referrerId)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new StatsView.MonthEarnings((String) row[0],
                                CommissionCalculator.money((BigDecimal) row[1]), CommissionCalculator.money((BigDecimal) row[2]),
                                CommissionCalculator.money((BigDecimal) row[3])))
                        .toList());
    }

    /** Referrals per level below the affiliate, down to {@code levels}. */
    public Uni<List<StatsView.ReferralCount>> referralCounts(UUID referrerId, int levels) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        with recursive tree (user_id, status, depth) as (
                            select referred_user_id, status, 1 from referrals where referrer_id = :referrer
                            union all
                            select r.referred_user_id, r.status, t.depth + 1
                            from referrals r join tree t on r.referrer_id = t.user_id
                            where t.depth < :levels)
                        select depth, count(*) filter (where status = 'PENDING'),
                               count(*) filter (where status = 'ACTIVATED')
                        from tree group by depth order by depth""", Object[].class)
                .setParameter("referrer", referrerId)
                .setParameter("levels", levels)
                .getResultList())
                .map(rows -> {
                    Map<Integer, StatsView.ReferralCount> byLevel = new HashMap<>();
                    for (Object[] row : rows) {
                        int level = ((Number) row[0]).intValue();
                        byLevel.put(level, new StatsView.ReferralCount(level, ((Number) row[1]).longValue(),
                                ((Number) row[2]).longValue()));
                    }
                    return IntStream.rangeClosed(1, levels)
                            .mapToObj(level -> byLevel.getOrDefault(level, new StatsView.ReferralCount(level, 0, 0)))
                            .toList();
                });
    }
}
