package com.tradesignals.affiliate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.contracts.events.devices.DeviceRevoked;
import com.tradesignals.contracts.events.executions.ClosingFillRecorded;
import com.tradesignals.contracts.events.executions.FillBusted;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.platform.instruments.Instrument;
import com.tradesignals.platform.instruments.InstrumentCatalogue;
import com.tradesignals.testsupport.TestKafka;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What device-service and execution-service would publish, on the real broker. Sizes are lots. */
@ApplicationScoped
public class TradingEvents {

    private final ObjectMapper json;
    private final InstrumentCatalogue catalogue;

    TradingEvents(ObjectMapper json, InstrumentCatalogue catalogue) {
        this.json = json;
        this.catalogue = catalogue;
    }

    /** Answers the device's id. */
    public UUID deviceRegistered(UUID userId) {
        UUID deviceId = UUID.randomUUID();
        publish(TestKafka.newEventId(), new DeviceRegistered(deviceId, userId, 1, "MT5", Instant.now()));
        return deviceId;
    }

    public void deviceRevoked(UUID userId, UUID deviceId) {
        publish(TestKafka.newEventId(), new DeviceRevoked(deviceId, userId, 1, Instant.now()));
    }

    /** A BUY of {@code lots} of {@code instrument} at {@code price}, all commissionable; answers the fill. */
    public FillRecorded fill(UUID userId, String instrument, String lots, String price) {
        return fill(userId, instrument, lots, lots, price);
    }

    /**
     * A fill as execution-service publishes it: the catalogue's class, contract size, quote currency and notional
     * (all null for an instrument the catalogue does not know).
     */
    public FillRecorded fill(UUID userId, String instrument, String lots, String commissionableLots, String price) {
        FillRecorded fill = unpublishedFill(userId, instrument, lots, commissionableLots, price);
        publish(TestKafka.newEventId(), fill);
        return fill;
    }

    /** The fill {@link #fill(UUID, String, String, String, String)} would publish, for the test to publish. */
    public FillRecorded unpublishedFill(UUID userId, String instrument, String lots, String commissionableLots,
            String price) {
        return recorded(userId, instrument, new BigDecimal(lots),
                commissionableLots == null ? null : new BigDecimal(commissionableLots), new BigDecimal(price));
    }

    /**
     * A fill as execution-service published it before lots had a contract size: no {@code asset_class},
     * {@code commissionable_size}, {@code contract_size} nor {@code quote_currency} in the JSON.
     */
    public FillRecorded fillWithoutCommissionableSize(UUID userId, String instrument, String lots, String price) {
        FillRecorded fill = recorded(userId, instrument, new BigDecimal(lots), null, new BigDecimal(price));
        ObjectNode data = json.valueToTree(fill);
        data.remove("asset_class");
        data.remove("commissionable_size");
        data.remove("contract_size");
        data.remove("quote_currency");
        EventType type = EventType.EXECUTION_FILL_RECORDED;
        TestKafka.publishCloudEvent(type.topic(), userId.toString(), TestKafka.newEventId(), type.type(),
                data.toString());
        return fill;
    }

    public void bust(FillRecorded fill) {
        publish(TestKafka.newEventId(), new FillBusted(fill.fillId(), fill.signalId(), fill.tradeId(), fill.userId(),
                fill.deviceId(), fill.size(), fill.price(), fill.notional(), "trade reversed", Instant.now()));
    }

    /**
     * The closing deal of {@code lots} of the position {@code opening} opened, at {@code price}, earning on
     * {@code commissionableLots}; answers it, published under {@code eventId}.
     */
    public ClosingFillRecorded closingFill(String eventId, FillRecorded opening, String lots,
            String commissionableLots, String price) {
        BigDecimal closed = new BigDecimal(lots);
        BigDecimal at = new BigDecimal(price);
        Optional<Instrument> instrument = catalogue.find(opening.instrument());
        ClosingFillRecorded close = new ClosingFillRecorded(UUID.randomUUID(), UUID.randomUUID(), opening.signalId(),
                "D-" + UUID.randomUUID(), opening.userId(), opening.deviceId(), opening.instrument(),
                opening.assetClass(), opening.side().opposite(), closed, new BigDecimal(commissionableLots), at,
                opening.contractSize(), opening.quoteCurrency(),
                instrument.map(known -> known.notional(closed, at)).orElse(null), null, Instant.now());
        publish(eventId, close);
        return close;
    }

    public void publish(String eventId, IntegrationEvent event) {
        publish(eventId, event, Map.of());
    }

    /** As {@link #publish(String, IntegrationEvent)}, with more headers (a W3C traceparent). */
    public void publish(String eventId, IntegrationEvent event, Map<String, String> headers) {
        EventType type = EventType.of(event);
        try {
            TestKafka.publishCloudEvent(type.topic(), event.userId().toString(), eventId, type.type(),
                    TestKafka.producerOf(type.topic()), json.writeValueAsString(event), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private FillRecorded recorded(UUID userId, String symbol, BigDecimal lots, BigDecimal commissionableLots,
            BigDecimal price) {
        Optional<Instrument> instrument = catalogue.find(symbol);
        return new FillRecorded(UUID.randomUUID(), UUID.randomUUID(), "T-" + UUID.randomUUID(), userId,
                UUID.randomUUID(), symbol, instrument.map(Instrument::assetClass).orElse(null), Side.BUY, lots,
                commissionableLots, price, instrument.map(Instrument::contractSize).orElse(null),
                instrument.map(Instrument::quoteCurrency).orElse(null),
                instrument.map(known -> known.notional(lots, price)).orElse(null), Instant.now());
    }
}
