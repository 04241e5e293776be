package com.tradesignals.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
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
        try {
            TestKafka.publishCloudEvent(Topics.SIGNALS, signal.userId().toString(), eventId,
                    EventType.SIGNAL_ISSUED.type(), objectMapper.writeValueAsString(signal));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return signal;
    }
}
