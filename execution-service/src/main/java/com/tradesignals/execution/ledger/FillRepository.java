package com.tradesignals.execution.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FillRepository implements PanacheRepositoryBase<Fill, UUID> {

    public Uni<List<Fill>> ofExecution(UUID executionId) {
        return list("executionId = ?1 order by filledAt, fillId", executionId);
    }

    /** Whether this execution already has a fill (of any status) with this trade id: one indexed probe. */
    public Uni<Boolean> hasTrade(UUID executionId, String tradeId) {
        return find("executionId = ?1 and tradeId = ?2", executionId, tradeId).count().map(count -> count > 0);
    }

    public Uni<List<Fill>> ofExecutions(Collection<UUID> executionIds) {
        return list("executionId in ?1 order by filledAt, fillId", executionIds);
    }
}
