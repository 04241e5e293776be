package com.tradesignals.device.pairing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.tradesignals.contracts.Topics;
import com.tradesignals.device.LinkedDevice;
import com.tradesignals.device.TestClock;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PairingTest {

    private static final String START = "/api/v1/devices/pairing";
    private static final String TOKEN = "/api/v1/devices/pairing/token";
    private static final String PAIR = "/api/v1/devices/pair";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTerminalPairedByItsUserCodeCollectsItsKeyOnceAndPollsWithIt() {
        UUID user = UUID.randomUUID();
        JsonPath started = given().when().post(START)
                .then().statusCode(201).header("Cache-Control", "no-store")
                .body("user_code", matchesPattern("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}"))
                .body("device_code", matchesPattern("[A-Za-z0-9_-]{43,}"))
                .body("expires_in", equalTo(600))
                .body("interval", equalTo(5))
                .extract().jsonPath();
        String deviceCode = started.getString("device_code");

        collect(deviceCode).statusCode(400).body("type", equalTo("/problems/authorization-pending"));

        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(Topics.DEVICES_LIFECYCLE);
            // As typed by a person: lower case, a space instead of the dash.
            String typed = started.getString("user_code").toLowerCase().replace('-', ' ');
            String deviceId = approve(user, typed, "MT5 office PC").statusCode(201)
                    .body("name", equalTo("MT5 office PC"))
                    .extract().path("device_id");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(records.getRecords())
                    .anySatisfy(record -> {
                        assertThat(record.key()).isEqualTo(user.toString());
                        assertThat(new String(record.headers().lastHeader("ce_type").value(),
                                StandardCharsets.UTF_8)).isEqualTo("device.registered.v1");
                        assertThat(record.value()).contains("\"device_id\":\"" + deviceId + "\"");
                    }));
            records.stop();

            JsonPath key = collect(deviceCode).statusCode(200).header("Cache-Control", "no-store")
                    .body("device_id", equalTo(deviceId))
                    .body("kid", equalTo(deviceId + ".1"))
                    .body("key_version", equalTo(1))
                    .body("secret", matchesPattern("[0-9a-f]{64}"))
                    .extract().jsonPath();

            LinkedDevice.poll(LinkedDevice.signer(key.getString("kid"), key.getString("secret"), clock), "")
                    .statusCode(200);
            given().auth().oauth2(TestTokens.user(user)).when().get("/api/v1/devices")
                    .then().statusCode(200).body("device_id", contains(deviceId));

            collect(deviceCode).statusCode(400).body("type", equalTo("/problems/pairing-code-invalid"));
        }
    }

    @Test
    void aUserCodeApprovesOneDeviceOnly() {
        String userCode = startPairing().getString("user_code");
        approve(UUID.randomUUID(), userCode, "first").statusCode(201);

        approve(UUID.randomUUID(), userCode, "second").statusCode(400)
                .body("type", equalTo("/problems/pairing-code-invalid"));
    }

    @Test
    void aWrongCodeIsRefusedExactlyLikeAnExpiredOne() {
        UUID user = UUID.randomUUID();
        JsonPath started = startPairing();
        clock.advance(Duration.ofMinutes(10));

        Map<String, Object> expired = approve(user, started.getString("user_code"), "late").statusCode(400)
                .extract().jsonPath().getMap("");
        Map<String, Object> wrong = approve(user, "BBBB-BBBB", "wrong").statusCode(400)
                .extract().jsonPath().getMap("");

        assertThat(expired).containsEntry("type", "/problems/pairing-code-invalid");
        assertThat(wrong).isEqualTo(expired);
        collect(started.getString("device_code")).statusCode(400).body("type", equalTo("/problems/expired-token"));
        collect("no-such-device-code").statusCode(400).body("type", equalTo("/problems/pairing-code-invalid"));
    }

    @Test
    void aUserWhoEntersTooManyWrongCodesIsRefusedForAWhile() {
        UUID user = UUID.randomUUID();
        for (int attempt = 0; attempt < 5; attempt++) {
            approve(user, "XXXX-XXXX", "guess").statusCode(400).body("type", equalTo("/problems/pairing-code-invalid"));
        }
        String userCode = startPairing().getString("user_code");

        approve(user, userCode, "right code, too late").statusCode(429)
                .body("type", equalTo("/problems/too-many-attempts"));
        approve(UUID.randomUUID(), "XXXX-XXXX", "another user").statusCode(400);

        clock.advance(Duration.ofMinutes(10));
        String laterCode = startPairing().getString("user_code");
        approve(user, laterCode, "after the window").statusCode(201);
    }

    @Test
    void aTerminalAskingSoonerThanTheIntervalIsToldToSlowDown() {
        String deviceCode = startPairing().getString("device_code");
        collect(deviceCode).statusCode(400).body("type", equalTo("/problems/authorization-pending"));

        collect(deviceCode).statusCode(400).body("type", equalTo("/problems/slow-down"));

        clock.advance(Duration.ofSeconds(5));
        collect(deviceCode).statusCode(400).body("type", equalTo("/problems/authorization-pending"));
    }

    @Test
    void aDeviceUnlinkedBeforeItsKeyWasCollectedGetsNoKey() {
        UUID user = UUID.randomUUID();
        JsonPath started = startPairing();
        String deviceId = approve(user, started.getString("user_code"), "unlinked").statusCode(201)
                .extract().path("device_id");
        given().auth().oauth2(TestTokens.user(user)).when().delete("/api/v1/devices/" + deviceId)
                .then().statusCode(204);

        collect(started.getString("device_code")).statusCode(400)
                .body("type", equalTo("/problems/pairing-code-invalid"));
    }

    @Test
    void approvingNeedsAUserTokenAndCollectingNeedsADeviceCode() {
        String userCode = startPairing().getString("user_code");
        given().contentType(ContentType.JSON).body(Map.of("user_code", userCode, "name", "x"))
                .when().post(PAIR).then().statusCode(401);

        given().contentType(ContentType.JSON).body("{}").when().post(TOKEN)
                .then().statusCode(400).body("type", equalTo("/problems/validation"))
                .body("errors.field", contains("device_code"));
    }

    private static JsonPath startPairing() {
        return given().when().post(START).then().statusCode(201).extract().jsonPath();
    }

    private static ValidatableResponse approve(UUID user, String userCode, String name) {
        return given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body(Map.of("user_code", userCode, "name", name))
                .when().post(PAIR).then();
    }

    private static ValidatableResponse collect(String deviceCode) {
        return given().contentType(ContentType.JSON).body(Map.of("device_code", deviceCode))
                .when().post(TOKEN).then();
    }
}
