package com.tradesignals.affiliate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.contracts.events.executions.FillBusted;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.testsupport.TestKafka;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What device-service and execution-service would publish, on the real broker. */
@ApplicationScoped
public class TradingEvents {

    private final ObjectMapper json;

    TradingEvents(ObjectMapper json) {
        this.json = json;
    }

    public void deviceRegistered(UUID userId) {
        publish(TestKafka.newEventId(), new DeviceRegistered(UUID.randomUUID(), userId, 1, "MT5", Instant.now()));
    }

    /** A fill of {@code notional} (size 1 at that price); answers the fill. */
    public FillRecorded fill(UUID userId, String notional) {
        BigDecimal value = new BigDecimal(notional);
        FillRecorded fill = new FillRecorded(UUID.randomUUID(), UUID.randomUUID(), "T-" + UUID.randomUUID(), userId,
                UUID.randomUUID(), "EURUSD", Side.BUY, BigDecimal.ONE, value, value, Instant.now());
        publish(TestKafka.newEventId(), fill);
        return fill;
    }

    public void bust(FillRecorded fill) {
        publish(TestKafka.newEventId(), new FillBusted(fill.fillId(), fill.signalId(), fill.tradeId(), fill.userId(),
                fill.deviceId(), fill.size(), fill.price(), fill.notional(), "trade reversed", Instant.now()));
    }

    public void publish(String eventId, IntegrationEvent event) {
        EventType type = EventType.of(event);
        try {
            TestKafka.publishCloudEvent(type.topic(), event.userId().toString(), eventId, type.type(),
                    json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
