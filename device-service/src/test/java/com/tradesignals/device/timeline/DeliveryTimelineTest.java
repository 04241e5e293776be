package com.tradesignals.device.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.device.LinkedDevice;
import com.tradesignals.device.TestClock;
import com.tradesignals.device.UpstreamSignals;
import com.tradesignals.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeliveryTimelineTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    MeterRegistry registry;

    @Test
    void theTimelineShowsWhenADeliveryWasCreatedFirstHandedAndAcknowledged() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        long handedBefore = stageCount("first-handed");
        long acknowledgedBefore = stageCount("acknowledged");
        SignalIssued signal = UpstreamSignals.publish(objectMapper, signalFor(device.userId(), Duration.ofHours(1)));
        awaitState(device, "waiting");

        device.poll("after=0&wait=0").statusCode(200);
        Map<String, Object> handed = timeline(device, "").getMap("items[0]");
        assertThat(handed).containsEntry("state", "handed").containsEntry("sequence", 1)
                .containsEntry("signal_id", signal.signalId().toString()).containsEntry("kind", "open");
        assertThat(handed.get("acknowledged_at")).isNull();
        Instant firstHanded = Instant.parse((String) handed.get("first_handed_at"));
        assertThat(firstHanded).isAfterOrEqualTo(Instant.parse((String) handed.get("created_at")));

        device.poll("after=0&wait=0").statusCode(200);
        device.poll("after=1&wait=0").statusCode(200);
        Map<String, Object> acknowledged = timeline(device, "").getMap("items[0]");
        assertThat(acknowledged).containsEntry("state", "acknowledged");
        assertThat(Instant.parse((String) acknowledged.get("first_handed_at"))).isEqualTo(firstHanded);
        assertThat(Instant.parse((String) acknowledged.get("acknowledged_at"))).isAfterOrEqualTo(firstHanded);
        assertThat(stageCount("first-handed")).isEqualTo(handedBefore + 1);
        assertThat(stageCount("acknowledged")).isEqualTo(acknowledgedBefore + 1);
        assertThat(stageCount("fanned-out")).isPositive();
        assertThat(timeline(device, "state=waiting").getList("items")).isEmpty();
        assertThat(timeline(device, "state=acknowledged").getList("items.sequence")).containsExactly(1);
    }

    @Test
    void theSignalsViewHasARowForEachDeviceItReached() {
        UUID user = UUID.randomUUID();
        LinkedDevice office = LinkedDevice.register(user, "office", clock);
        LinkedDevice home = LinkedDevice.register(user, "home", clock);
        SignalIssued signal = UpstreamSignals.publish(objectMapper, signalFor(user, Duration.ofHours(1)));
        awaitState(home, "waiting");
        awaitState(office, "waiting");
        office.poll("after=0&wait=0").statusCode(200);
        office.poll("after=1&wait=0").statusCode(200);

        JsonPath deliveries = given().auth().oauth2(office.userToken())
                .when().get("/api/v1/devices/signals/" + signal.signalId() + "/deliveries")
                .then().statusCode(200).extract().jsonPath();

        assertThat(deliveries.getString("signal_id")).isEqualTo(signal.signalId().toString());
        List<Map<String, Object>> rows = deliveries.getList("deliveries");
        assertThat(rows).extracting(row -> row.get("device_id"), row -> row.get("kind"), row -> row.get("state"))
                .containsExactlyInAnyOrder(
                        tuple(office.deviceId().toString(), "open", "acknowledged"),
                        tuple(home.deviceId().toString(), "open", "waiting"));
        given().auth().oauth2(TestTokens.user(UUID.randomUUID()))
                .when().get("/api/v1/devices/signals/" + signal.signalId() + "/deliveries")
                .then().statusCode(404);
    }

    @Test
    void aDeliveryWhoseSignalExpiredBeforeItWasAcknowledgedShowsExpired() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        UpstreamSignals.publish(objectMapper, signalFor(device.userId(), Duration.ofMinutes(1)));
        awaitState(device, "waiting");
        try {
            clock.advance(Duration.ofMinutes(2));

            assertThat(timeline(device, "").getString("items[0].state")).isEqualTo("expired");
            assertThat(timeline(device, "state=expired").getList("items")).hasSize(1);
            assertThat(device.poll("after=0&wait=0").statusCode(200).extract().jsonPath().getList("deliveries"))
                    .isEmpty();
            assertThat(timeline(device, "").getString("items[0].first_handed_at")).isNull();
        } finally {
            clock.reset();
        }
    }

    @Test
    void theTimelinePagesNewestFirstAndAnotherUsersDeviceIsNotFound() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        for (int signal = 0; signal < 3; signal++) {
            UpstreamSignals.publish(objectMapper, signalFor(device.userId(), Duration.ofHours(1)));
        }
        await().atMost(DELIVERY_TIMEOUT).until(() -> timeline(device, "").getList("items").size() == 3);

        JsonPath first = timeline(device, "limit=2");
        assertThat(first.getList("items.sequence")).containsExactly(3, 2);
        JsonPath second = timeline(device, "limit=2&cursor=" + first.getString("next_cursor"));
        assertThat(second.getList("items.sequence")).containsExactly(1);
        assertThat(second.getString("next_cursor")).isNull();

        given().auth().oauth2(TestTokens.user(UUID.randomUUID()))
                .when().get("/api/v1/devices/" + device.deviceId() + "/deliveries")
                .then().statusCode(404);
        given().auth().oauth2(device.userToken())
                .when().get("/api/v1/devices/" + device.deviceId() + "/deliveries?state=lost")
                .then().statusCode(400);
    }

    private static void awaitState(LinkedDevice device, String state) {
        await().atMost(DELIVERY_TIMEOUT).until(() -> timeline(device, "").getList("items.state").contains(state));
    }

    private static JsonPath timeline(LinkedDevice device, String query) {
        return given().auth().oauth2(device.userToken())
                .when().get("/api/v1/devices/" + device.deviceId() + "/deliveries" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(200).extract().jsonPath();
    }

    private long stageCount(String stage) {
        var timer = registry.find("device.delivery.stage").tag("stage", stage).timer();
        return timer == null ? 0 : timer.count();
    }

    private SignalIssued signalFor(UUID user, Duration lifetime) {
        Instant now = clock.instant();
        return UpstreamSignals.signal(user, now, now.plus(lifetime));
    }
}
