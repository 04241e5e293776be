package com.tradesignals.device.settings;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.OrderType;
import com.tradesignals.contracts.events.signals.SignalCloseRequested;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.device.LinkedDevice;
import com.tradesignals.device.TestClock;
import com.tradesignals.device.UpstreamSignals;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TestTokens;
import com.tradesignals.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Per-device settings: who gets a signal, under which symbol and with how many lots. */
@QuarkusTest
class DeviceSettingsTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void aMappedHalfSizedDeviceGetsItsSymbolAndLotsAndAPausedOneNothing() {
        UUID user = UUID.randomUUID();
        LinkedDevice small = LinkedDevice.register(user, "small account", clock);
        LinkedDevice paused = LinkedDevice.register(user, "paused", clock);
        patch(small, "{\"symbol_map\":{\"EURUSD\":\"EURUSD.m\"},\"sizing\":{\"lot_multiplier\":\"0.5\"}}")
                .statusCode(200).body("symbol_map.EURUSD", equalTo("EURUSD.m"))
                .body("sizing.lot_multiplier", equalTo("0.5")).body("is_paused", equalTo(false));
        patch(paused, "{\"is_paused\":true}").statusCode(200).body("is_paused", equalTo(true));

        SignalIssued signal = publish(signal(user, "EURUSD", "1.00"));
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> small.poll("after=0").statusCode(200)
                .body("deliveries.signal_id", contains(signal.signalId().toString()))
                .body("deliveries[0].instrument", equalTo("EURUSD"))
                .body("deliveries[0].symbol", equalTo("EURUSD.m"))
                .body("deliveries[0].size", equalTo("0.50000000"))
                .body("deliveries[0].signal_size", equalTo("1.00000000")));
        paused.poll("after=0").statusCode(200).body("deliveries", empty());

        // A partial close is of the device's own lots: 0.40 of the signal's 1.00 is 0.20 of its 0.50.
        UpstreamSignals.publishEvent(objectMapper, new SignalCloseRequested(signal.signalId(), user,
                new BigDecimal("0.40"), Instant.now()), TestKafka.newEventId());
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> small.poll("after=1").statusCode(200)
                .body("deliveries.kind", contains("close"))
                .body("deliveries[0].symbol", equalTo("EURUSD.m"))
                .body("deliveries[0].close_lots", equalTo("0.20000000")));

        // Resumed, the paused device gets what is issued from now on, and never the signal of its pause.
        patch(paused, "{\"is_paused\":false}").statusCode(200);
        SignalIssued later = publish(signal(user, "EURUSD", "1.00"));
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> paused.poll("after=0").statusCode(200)
                .body("deliveries.signal_id", contains(later.signalId().toString()))
                .body("deliveries[0].symbol", equalTo("EURUSD"))
                .body("deliveries[0].size", equalTo("1.00000000")));
    }

    @Test
    void anAllowListFixedLotsAndAMaximumDecideWhatADeviceTrades() {
        UUID user = UUID.randomUUID();
        LinkedDevice device = LinkedDevice.register(user, "gold only", clock);
        patch(device, "{\"allowed_instruments\":[\"XAUUSD\"],\"sizing\":{\"fixed_lots\":\"0.30\",\"max_lots\":\"0.25\"}}")
                .statusCode(200).body("allowed_instruments", contains("XAUUSD"));

        publish(signal(user, "EURUSD", "1.00"));
        SignalIssued gold = publish(signal(user, "XAUUSD", "2.00"));

        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("after=0").statusCode(200)
                .body("deliveries.signal_id", contains(gold.signalId().toString()))
                .body("deliveries[0].size", equalTo("0.25000000")));
        patch(device, "{\"allowed_instruments\":[],\"sizing\":{}}").statusCode(200)
                .body("allowed_instruments", nullValue()).body("sizing.fixed_lots", nullValue());
    }

    @Test
    void aChangeIsAnnouncedWithItsSizingAndBadOrForeignRequestsAreRefused() {
        UUID user = UUID.randomUUID();
        LinkedDevice device = LinkedDevice.register(user, "EA", clock);
        given().auth().oauth2(TestTokens.user(user)).when().get("/api/v1/devices/{id}/settings", device.deviceId())
                .then().statusCode(200).body("is_paused", equalTo(false)).body("updated_at", nullValue())
                .body("allowed_instruments", nullValue());

        try (TopicReader lifecycle = new TopicReader(Topics.DEVICES_LIFECYCLE)) {
            patch(device, "{\"sizing\":{\"lot_multiplier\":\"2\",\"max_lots\":\"3\"}}").statusCode(200);
            await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> assertThat(lifecycle.records())
                    .filteredOn(record -> "device.settings-changed.v1".equals(new String(
                            record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)))
                    .filteredOn(record -> record.value().contains(device.deviceId().toString()))
                    .singleElement().satisfies(record -> assertThat(record.value())
                            .contains("\"lot_multiplier\":\"2\"").contains("\"max_lots\":\"3\"")
                            .contains("\"is_paused\":false")));
        }

        patch(device, "{\"sizing\":{\"lot_multiplier\":\"2\",\"fixed_lots\":\"1\"}}").statusCode(400)
                .body("type", equalTo("/problems/validation"));
        patch(device, "{\"symbol_map\":{\"eur usd\":\"X\"}}").statusCode(400);
        patch(device, "{\"sizing\":{\"lot_multiplier\":\"0\"}}").statusCode(400);
        given().auth().oauth2(TestTokens.user(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"is_paused\":true}").when().patch("/api/v1/devices/{id}/settings", device.deviceId())
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.user(user)).when().delete("/api/v1/devices/{id}", device.deviceId())
                .then().statusCode(204);
        patch(device, "{\"is_paused\":true}").statusCode(409).body("type", equalTo("/problems/device-unlinked"));
    }

    private static ValidatableResponse patch(LinkedDevice device, String json) {
        return given().auth().oauth2(TestTokens.user(device.userId())).contentType(ContentType.JSON).body(json)
                .when().patch("/api/v1/devices/{id}/settings", device.deviceId()).then();
    }

    private SignalIssued publish(SignalIssued signal) {
        return UpstreamSignals.publish(objectMapper, signal);
    }

    private static SignalIssued signal(UUID user, String instrument, String lots) {
        Instant now = Instant.now();
        return new SignalIssued(UUID.randomUUID(), user, instrument, Side.BUY, OrderType.MARKET, new BigDecimal(lots),
                null, null, null, now, now.plus(Duration.ofHours(1)));
    }
}
