package com.tradesignals.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.OrderType;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.testsupport.TestKafka;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Publishes to signals.v1 on the real broker, as the upstream Signals API does. */
public final class UpstreamSignals {

    private UpstreamSignals() {
    }

    public static SignalIssued signal(UUID userId, Instant issuedAt, Instant expiresAt) {
        return new SignalIssued(UUID.randomUUID(), userId, "EURUSD", Side.BUY, OrderType.LIMIT, new BigDecimal("0.10"),
                new BigDecimal("1.08350"), new BigDecimal("1.08000"), null, issuedAt, expiresAt);
    }

    /** Publishes the signal under a new event id and answers it. */
    public static SignalIssued publish(ObjectMapper objectMapper, SignalIssued signal) {
        return publish(objectMapper, signal, TestKafka.newEventId());
    }

    public static SignalIssued publish(ObjectMapper objectMapper, SignalIssued signal, String eventId) {
        return publishEvent(objectMapper, signal, eventId);
    }

    /** Publishes any signals.v1 event (a signal or an action on one) under the given event id and answers it. */
    public static <E extends IntegrationEvent> E publishEvent(ObjectMapper objectMapper, E event, String eventId) {
        try {
            TestKafka.publishCloudEvent(Topics.SIGNALS, event.userId().toString(), eventId,
                    EventType.of(event).type(), objectMapper.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return event;
    }
}
