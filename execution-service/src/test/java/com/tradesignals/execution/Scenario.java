package com.tradesignals.execution;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.contracts.events.devices.DeviceRevoked;
import com.tradesignals.contracts.events.signals.OrderType;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.contracts.signing.DeviceSecrets;
import com.tradesignals.testsupport.TestKafka;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The world around execution-service, as tests drive it: devices and signals on the real broker, signed reports. */
public final class Scenario {

    /** The %test profile's device master key (dev/keys/dev-only-device-master-key.hex). */
    public static final byte[] MASTER_KEY = HexFormat.of()
            .parseHex("cc0e7938c55a5a43c782b4c715e0a27e0c06a27b865cd225a165a3894f5d75ba");
    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private Scenario() {
    }

    /** A device of {@code userId}, registered on devices.lifecycle.v1 and known to the service. */
    public static DeviceRequestSigner registerDevice(Pool database, UUID userId) {
        UUID deviceId = UUID.randomUUID();
        publish(new DeviceRegistered(deviceId, userId, 1, "MT5", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> database
                .preparedQuery("select 1 from known_devices where device_id = $1").execute(Tuple.of(deviceId))
                .await().atMost(Duration.ofSeconds(5)).size() == 1);
        DeviceKeyId keyId = new DeviceKeyId(deviceId, 1);
        return new DeviceRequestSigner(keyId, DeviceSecrets.derive(MASTER_KEY, keyId), Clock.systemUTC());
    }

    public static void revoke(DeviceRequestSigner device, UUID userId) {
        publish(new DeviceRevoked(device.keyId().deviceId(), userId, 1, Instant.now()));
    }

    /** A EURUSD signal for {@code size} lots at reference price {@code price}. */
    public static SignalIssued signal(UUID userId, Side side, String size, String price) {
        return signal(userId, "EURUSD", side, size, price);
    }

    /** A signal for {@code size} lots of {@code instrument}; {@code price} null for a MARKET signal without one. */
    public static SignalIssued signal(UUID userId, String instrument, Side side, String size, String price) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new SignalIssued(UUID.randomUUID(), userId, instrument, side, OrderType.MARKET, new BigDecimal(size),
                price == null ? null : new BigDecimal(price), null, null, now, now.plus(Duration.ofHours(1)));
    }

    /** Publishes the signal and waits until the service knows it. */
    public static SignalIssued issue(Pool database, SignalIssued signal) {
        publish(signal);
        await().atMost(Duration.ofSeconds(30)).until(() -> isKnown(database, signal.signalId()));
        return signal;
    }

    public static boolean isKnown(Pool database, UUID signalId) {
        return database.preparedQuery("select 1 from signals where signal_id = $1").execute(Tuple.of(signalId))
                .await().atMost(Duration.ofSeconds(5)).size() == 1;
    }

    public static void publish(IntegrationEvent event) {
        EventType type = EventType.of(event);
        TestKafka.publishCloudEvent(type.topic(), event.userId().toString(), TestKafka.newEventId(), type.type(),
                toJson(event));
    }

    public static ValidatableResponse ack(DeviceRequestSigner device, String reportId, UUID signalId) {
        return post(device, "/api/v1/exec/ack", Map.of("report_id", reportId, "signal_id", signalId));
    }

    public static ValidatableResponse fill(DeviceRequestSigner device, String reportId, UUID signalId, String tradeId,
            String size, String price) {
        return fill(device, reportId, signalId, tradeId, size, price, Instant.now());
    }

    public static ValidatableResponse fill(DeviceRequestSigner device, String reportId, UUID signalId, String tradeId,
            String size, String price, Instant filledAt) {
        return post(device, "/api/v1/exec/fill", Map.of("report_id", reportId, "signal_id", signalId,
                "trade_id", tradeId, "size", size, "price", price, "filled_at", filledAt.toString()));
    }

    /** A fill report that also names the side the terminal traded. */
    public static ValidatableResponse fill(DeviceRequestSigner device, String reportId, UUID signalId, String tradeId,
            Side side, String size, String price) {
        return post(device, "/api/v1/exec/fill", Map.of("report_id", reportId, "signal_id", signalId,
                "trade_id", tradeId, "side", side, "size", size, "price", price, "filled_at", Instant.now().toString()));
    }

    public static ValidatableResponse error(DeviceRequestSigner device, String reportId, UUID signalId, int code,
            String message) {
        return post(device, "/api/v1/exec/error", Map.of("report_id", reportId, "signal_id", signalId,
                "status_code", code, "message", message));
    }

    public static ValidatableResponse post(DeviceRequestSigner device, String path, Object body) {
        String json = toJson(body);
        return given().header("Authorization", device.authorization("POST", path, "", json))
                .contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8))
                .when().post(path).then();
    }

    public static ValidatableResponse status(DeviceRequestSigner device, UUID signalId) {
        String path = "/api/v1/exec/status/" + signalId;
        return given().header("Authorization", device.authorization("GET", path, "", ""))
                .when().get(path).then();
    }

    /** The records on executions.v1 of one event type that concern this signal. */
    public static List<Map<String, Object>> eventsOf(List<ConsumerRecord<String, String>> records, EventType type,
            UUID signalId) {
        return records.stream()
                .filter(record -> type.type().equals(header(record, "ce_type")))
                .map(record -> fromJson(record.value()))
                .filter(data -> signalId.toString().equals(data.get("signal_id")))
                .toList();
    }

    public static String executionsTopic() {
        return Topics.EXECUTIONS;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> fromJson(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
