package com.tradesignals.affiliate.activation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Users whose fills affiliate-service has received (commissionable or not): a user who trades can no longer claim
 * a referrer. One row per user, written in the fill consumer's transaction.
 */
@ApplicationScoped
public class TraderRepository {

    /**
     * Records each user's first fill (user id to fill id) with one statement; answers the users for whom these are
     * the first fills received.
     */
    public Uni<Set<UUID>> recordFirstFills(Map<UUID, UUID> firstFillByUser, Instant now) {
        List<Map.Entry<UUID, UUID>> rows = List.copyOf(firstFillByUser.entrySet());
        String values = IntStream.range(0, rows.size())
                .mapToObj(index -> "(:userId" + index + ", :fillId" + index + ", :now)")
                .collect(Collectors.joining(", "));
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery("with recorded as (insert into traders (user_id, first_fill_id, "
                    + "recorded_at) values " + values + " on conflict (user_id) do nothing returning user_id) "
                    + "select user_id from recorded", UUID.class);
            query.setParameter("now", now);
            for (int index = 0; index < rows.size(); index++) {
                query.setParameter("userId" + index, rows.get(index).getKey());
                query.setParameter("fillId" + index, rows.get(index).getValue());
            }
            return query.getResultList();
        }).map(Set::copyOf);
    }

    public Uni<Boolean> hasTraded(UUID userId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select exists (select 1 from traders where user_id = :userId)", Boolean.class)
                .setParameter("userId", userId)
                .getSingleResult());
    }
}
