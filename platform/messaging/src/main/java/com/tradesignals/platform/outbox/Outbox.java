package com.tradesignals.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.platform.observability.TraceContexts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records events for publication. Call it inside the transaction that makes the change the event
 * announces: both commit or neither does, and {@link OutboxRelay} publishes what committed. Each event keeps the
 * trace context current when it was added, so its publication continues the trace of the request or record that
 * caused it.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    Outbox(OutboxRepository repository, ObjectMapper objectMapper, Clock clock) {
        this.repository = repository;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** Records the event in the current Hibernate Reactive transaction. */
    public Uni<Void> add(IntegrationEvent event) {
        return repository.persist(rowOf(event)).replaceWithVoid();
    }

    /**
     * A native statement recording the events, published in list order (the identity column numbers a multi-row
     * insert's rows in the order given), for a caller that runs it in one statement with its own, as a
     * data-modifying {@code with} clause, in its Hibernate Reactive transaction ({@code AuditLog.recordChanges}).
     * Its named parameters all start with {@code outbox}.
     */
    public Insert insertOf(List<? extends IntegrationEvent> events) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder values = new StringBuilder();
        for (int index = 0; index < events.size(); index++) {
            OutboxEvent row = rowOf(events.get(index));
            values.append(index == 0 ? "" : ", ").append(String.format("(:outboxEventId%1$d, :outboxEventType%1$d, "
                    + ":outboxTopic%1$d, :outboxRecordKey%1$d, :outboxPayload%1$d, :outboxOccurredAt%1$d, "
                    + "cast(:outboxTraceparent%1$d as text))", index));
            parameters.put("outboxEventId" + index, row.eventId);
            parameters.put("outboxEventType" + index, row.eventType);
            parameters.put("outboxTopic" + index, row.topic);
            parameters.put("outboxRecordKey" + index, row.recordKey);
            parameters.put("outboxPayload" + index, row.payload);
            parameters.put("outboxOccurredAt" + index, row.occurredAt);
            parameters.put("outboxTraceparent" + index, row.traceparent);
        }
        return new Insert("insert into outbox_events (event_id, event_type, topic, record_key, payload, occurred_at, "
                + "traceparent) values " + values, parameters);
    }

    /** A native insert statement and its named parameters. */
    public record Insert(String sql, Map<String, Object> parameters) {
    }

    /** Records the event through {@code transaction}, a connection of the reactive SQL client inside a transaction. */
    public Uni<Void> add(SqlClient transaction, IntegrationEvent event) {
        OutboxEvent row = rowOf(event);
        return transaction.preparedQuery("insert into outbox_events (event_id, event_type, topic, record_key, payload, "
                        + "occurred_at, traceparent) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(new Object[] {row.eventId, row.eventType, row.topic, row.recordKey, row.payload,
                        row.occurredAt.atOffset(ZoneOffset.UTC), row.traceparent}))
                .replaceWithVoid();
    }

    private OutboxEvent rowOf(IntegrationEvent event) {
        EventType type = EventType.of(event);
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.eventType = type.type();
        row.topic = type.topic();
        row.recordKey = event.userId().toString();
        row.payload = toJson(event);
        row.occurredAt = clock.instant();
        row.traceparent = TraceContexts.currentTraceparent();
        return row;
    }

    private String toJson(IntegrationEvent event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be serialised: " + event.getClass().getName(), e);
        }
    }
}
