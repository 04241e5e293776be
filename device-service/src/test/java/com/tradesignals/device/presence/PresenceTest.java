package com.tradesignals.device.presence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.Topics;
import com.tradesignals.device.LinkedDevice;
import com.tradesignals.device.TestClock;
import com.tradesignals.device.UpstreamSignals;
import com.tradesignals.testsupport.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PresenceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @Inject
    PresenceConfig presence;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    MissedSignals missedSignals;

    @Inject
    MeterRegistry registry;

    @Test
    void aDeviceIsOnlineWhileItPollsAndOfflineAfterTheWindow() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        assertThat(view(device).getBoolean("is_online")).isFalse();
        assertThat(view(device).getString("last_seen_at")).isNull();
        try {
            device.poll("wait=0").statusCode(200);
            assertThat(view(device).getBoolean("is_online")).isTrue();
            assertThat(view(device).getString("last_seen_at")).isNotNull();

            clock.advance(presence.onlineWindow().plusSeconds(1));
            assertThat(view(device).getBoolean("is_online")).isFalse();
            List<Boolean> listed = given().auth().oauth2(device.userToken()).when().get("/api/v1/devices")
                    .then().statusCode(200).extract().jsonPath().getList("is_online");
            assertThat(listed).containsExactly(false);

            device.poll("wait=0").statusCode(200);
            assertThat(view(device).getBoolean("is_online")).isTrue();
        } finally {
            clock.reset();
        }
    }

    @Test
    void aSilentDeviceWithAWaitingDeliveryIsAnnouncedOncePerSilentSpell() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        Instant issued = clock.instant();
        UpstreamSignals.publish(objectMapper, UpstreamSignals.signal(device.userId(), issued, issued.plus(Duration.ofHours(1))));
        await().atMost(TIMEOUT).until(() -> device.poll("wait=0").statusCode(200).extract().jsonPath()
                .getList("deliveries").size() == 1);
        double countedBefore = registry.counter("devices.missed.signals").count();
        try (TopicReader lifecycle = new TopicReader(Topics.DEVICES_LIFECYCLE)) {
            clock.advance(Duration.ofMinutes(4));
            missedSignals.check().await().atMost(TIMEOUT);
            clock.advance(Duration.ofMinutes(2));
            missedSignals.check().await().atMost(TIMEOUT);
            missedSignals.check().await().atMost(TIMEOUT);

            await().atMost(TIMEOUT).until(() -> missedSignalsOf(lifecycle, device).size() == 1);
            JsonNode announced = missedSignalsOf(lifecycle, device).get(0);
            assertThat(announced.get("user_id").asText()).isEqualTo(device.userId().toString());
            assertThat(announced.get("waiting_deliveries").asInt()).isEqualTo(1);
            assertThat(Instant.parse(announced.get("silent_since").asText())).isBefore(issued.plus(Duration.ofMinutes(1)));
            assertThat(registry.counter("devices.missed.signals").count()).isGreaterThanOrEqualTo(countedBefore + 1);

            device.poll("wait=0").statusCode(200);
            missedSignals.check().await().atMost(TIMEOUT);
            clock.advance(Duration.ofMinutes(6));
            missedSignals.check().await().atMost(TIMEOUT);

            await().atMost(TIMEOUT).until(() -> missedSignalsOf(lifecycle, device).size() == 2);
            await().during(Duration.ofSeconds(2)).atMost(TIMEOUT)
                    .until(() -> missedSignalsOf(lifecycle, device).size() == 2);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aSilentDeviceWithNothingWaitingIsNotAnnounced() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        try (TopicReader lifecycle = new TopicReader(Topics.DEVICES_LIFECYCLE)) {
            await().atMost(TIMEOUT).until(() -> !registrationsOf(lifecycle, device).isEmpty());
            clock.advance(Duration.ofMinutes(10));
            missedSignals.check().await().atMost(TIMEOUT);
            LinkedDevice marker = LinkedDevice.register(UUID.randomUUID(), "marker", clock);
            await().atMost(TIMEOUT).until(() -> !registrationsOf(lifecycle, marker).isEmpty());

            assertThat(missedSignalsOf(lifecycle, device)).isEmpty();
        } finally {
            clock.reset();
        }
    }

    private List<JsonNode> missedSignalsOf(TopicReader lifecycle, LinkedDevice device) {
        return eventsOf(lifecycle, device, "device.missed-signals.v1");
    }

    private List<JsonNode> registrationsOf(TopicReader lifecycle, LinkedDevice device) {
        return eventsOf(lifecycle, device, "device.registered.v1");
    }

    private List<JsonNode> eventsOf(TopicReader lifecycle, LinkedDevice device, String type) {
        return lifecycle.records().stream()
                .filter(record -> type.equals(header(record.headers().lastHeader("ce_type"))))
                .map(record -> {
                    try {
                        return objectMapper.readTree(record.value());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(event -> device.deviceId().toString().equals(event.get("device_id").asText()))
                .toList();
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonPath view(LinkedDevice device) {
        return given().auth().oauth2(device.userToken()).when().get("/api/v1/devices/" + device.deviceId())
                .then().statusCode(200).extract().jsonPath();
    }
}
