package com.tradesignals.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Writes audit entries. Call it inside the transaction of the audited action, so both commit or neither. */
@ApplicationScoped
public class AuditLog implements PanacheRepositoryBase<AuditEntry, Long> {

    private final ObjectMapper objectMapper;
    private final Clock clock;

    AuditLog(ObjectMapper objectMapper, Clock clock) {
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public Uni<Void> record(String actor, String action, String target, Map<String, ?> details) {
        AuditEntry entry = new AuditEntry();
        entry.actor = actor;
        entry.action = action;
        entry.target = target;
        entry.details = toJson(details);
        entry.occurredAt = clock.instant();
        return persist(entry).replaceWithVoid();
    }

    /** Records the entry through {@code transaction}, a connection of the reactive SQL client inside a transaction. */
    public Uni<Void> record(SqlClient transaction, String actor, String action, String target, Map<String, ?> details) {
        return transaction.preparedQuery("insert into audit_log (actor, action, target, details, occurred_at) "
                        + "values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(actor, action, target, toJson(details), clock.instant().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<List<AuditEntry>> forTarget(String target) {
        return list("target = ?1 order by id", target);
    }

    private String toJson(Map<String, ?> details) {
        try {
            return objectMapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be serialisable", e);
        }
    }
}
