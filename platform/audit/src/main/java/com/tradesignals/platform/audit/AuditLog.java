package com.tradesignals.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes audit entries. Call it inside the transaction of the audited action, so both commit or neither; a change
 * that also causes an event records both with one call ({@link #recordChange}).
 */
@ApplicationScoped
public class AuditLog implements PanacheRepositoryBase<AuditEntry, Long> {

    private final Outbox outbox;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    AuditLog(Outbox outbox, ObjectMapper objectMapper, Clock clock) {
        this.outbox = outbox;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** Records the entry in the current Hibernate Reactive transaction. */
    public Uni<Void> record(String actor, String action, String target, Map<String, ?> details) {
        return persist(entryOf(actor, action, target, details)).replaceWithVoid();
    }

    /** Records the entry through {@code transaction}, a connection of the reactive SQL client inside a transaction. */
    public Uni<Void> record(SqlClient transaction, String actor, String action, String target,
            Map<String, ?> details) {
        AuditEntry entry = entryOf(actor, action, target, details);
        return transaction.preparedQuery("insert into audit_log (actor, action, target, details, occurred_at) "
                        + "values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(entry.actor, entry.action, entry.target, entry.details,
                        entry.occurredAt.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** Records the event a change causes and the change's audit entry, in the current Hibernate transaction. */
    public Uni<Void> recordChange(IntegrationEvent event, String actor, String action, String target,
            Map<String, ?> details) {
        return outbox.add(event).chain(() -> record(actor, action, target, details));
    }

    /** As {@link #recordChange(IntegrationEvent, String, String, String, Map)}, through the SQL client's transaction. */
    public Uni<Void> recordChange(SqlClient transaction, IntegrationEvent event, String actor, String action,
            String target, Map<String, ?> details) {
        return outbox.add(transaction, event).chain(() -> record(transaction, actor, action, target, details));
    }

    /**
     * As {@link #recordChange(IntegrationEvent, String, String, String, Map)} for many changes of one transaction,
     * with one statement whatever their number: the events (published in list order) and the entries.
     */
    public Uni<Void> recordChanges(List<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Outbox.Insert events = outbox.insertOf(changes.stream().map(Change::event).toList());
        List<AuditEntry> entries = changes.stream()
                .map(change -> entryOf(change.actor(), change.action(), change.target(), change.details())).toList();
        String values = IntStream.range(0, entries.size())
                .mapToObj(index -> String.format("(:actor%1$d, :action%1$d, :target%1$d, :details%1$d, :occurredAt%1$d)",
                        index))
                .collect(Collectors.joining(", "));
        return getSession().chain((Mutiny.Session session) -> {
            var insert = session.createNativeQuery("with events as (" + events.sql() + ") "
                    + "insert into audit_log (actor, action, target, details, occurred_at) values " + values);
            events.parameters().forEach(insert::setParameter);
            for (int index = 0; index < entries.size(); index++) {
                AuditEntry entry = entries.get(index);
                insert.setParameter("actor" + index, entry.actor)
                        .setParameter("action" + index, entry.action)
                        .setParameter("target" + index, entry.target)
                        .setParameter("details" + index, entry.details)
                        .setParameter("occurredAt" + index, entry.occurredAt);
            }
            return insert.executeUpdate();
        }).replaceWithVoid();
    }

    public Uni<List<AuditEntry>> forTarget(String target) {
        return list("target = ?1 order by id", target);
    }

    private AuditEntry entryOf(String actor, String action, String target, Map<String, ?> details) {
        AuditEntry entry = new AuditEntry();
        entry.actor = actor;
        entry.action = action;
        entry.target = target;
        entry.details = toJson(details);
        entry.occurredAt = clock.instant();
        return entry;
    }

    /** A change for {@link #recordChanges}: the event it causes and its audit entry. */
    public record Change(IntegrationEvent event, String actor, String action, String target, Map<String, ?> details) {
    }

    private String toJson(Map<String, ?> details) {
        try {
            return objectMapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be serialisable", e);
        }
    }
}
