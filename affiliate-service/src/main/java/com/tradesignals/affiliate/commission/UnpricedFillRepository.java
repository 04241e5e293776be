package com.tradesignals.affiliate.commission;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class UnpricedFillRepository implements PanacheRepositoryBase<UnpricedFill, UUID> {

    /** Records the fill unless it already is (the same fill in another event); true when this call recorded it. */
    public Uni<Boolean> insertIfAbsent(UnpricedFill fill) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into unpriced_fills (fill_id, user_id, trade_id, instrument, lots, price, reason,
                                                    filled_at, recorded_at)
                        values (:fillId, :userId, :tradeId, :instrument, :lots, :price, :reason, :filledAt, :recordedAt)
                        on conflict (fill_id) do nothing""")
                .setParameter("fillId", fill.fillId)
                .setParameter("userId", fill.userId)
                .setParameter("tradeId", fill.tradeId)
                .setParameter("instrument", fill.instrument)
                .setParameter("lots", fill.lots)
                .setParameter("price", fill.price)
                .setParameter("reason", fill.reason)
                .setParameter("filledAt", fill.filledAt)
                .setParameter("recordedAt", fill.recordedAt)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    public Uni<Integer> markBusted(UUID fillId, Instant now) {
        return update("bustedAt = ?1 where fillId = ?2 and bustedAt is null", now, fillId);
    }

    public Uni<List<UnpricedFill>> page(String reason, Instant beforeRecordedAt, UUID beforeFillId, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (reason != null) {
            query.append(" and reason = :reason");
            parameters.put("reason", reason);
        }
        if (beforeRecordedAt != null) {
            query.append(" and (recordedAt < :before or (recordedAt = :before and fillId < :beforeId))");
            parameters.put("before", beforeRecordedAt);
            parameters.put("beforeId", beforeFillId);
        }
        query.append(" order by recordedAt desc, fillId desc");
        return find(query.toString(), parameters).page(0, limit).list();
    }
}
