package com.tradesignals.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting to be published, written in the same transaction as the change that caused it.
 * {@code position} orders publication; the relay deletes the row once Kafka has acknowledged the event.
 */
@Entity
@Table(name = "outbox_events")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "record_key", nullable = false, updatable = false)
    public String recordKey;

    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    /** The W3C traceparent of the transaction that wrote the event; null outside a trace. */
    @Column(updatable = false)
    public String traceparent;
}
