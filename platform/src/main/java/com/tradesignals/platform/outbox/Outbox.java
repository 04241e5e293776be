package com.tradesignals.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.IntegrationEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * Records events for publication. Call it inside the transaction that makes the change the event
 * announces: both commit or neither does, and {@link OutboxRelay} publishes what committed.
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

    public Uni<Void> add(IntegrationEvent event) {
        EventType type = EventType.of(event);
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.eventType = type.type();
        row.topic = type.topic();
        row.recordKey = event.userId().toString();
        row.payload = toJson(event);
        row.occurredAt = clock.instant();
        return repository.persist(row).replaceWithVoid();
    }

    private String toJson(IntegrationEvent event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be serialised: " + event.getClass().getName(), e);
        }
    }
}
