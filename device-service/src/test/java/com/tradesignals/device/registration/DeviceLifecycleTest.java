package com.tradesignals.device.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import com.tradesignals.contracts.Topics;
import com.tradesignals.device.LinkedDevice;
import com.tradesignals.device.TestClock;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeviceLifecycleTest {

    private static final String DEVICES = "/api/v1/devices";

    @Inject
    TestClock clock;

    @Inject
    Pool database;

    @Test
    void aDeviceIsRegisteredListedRenamedRotatedAndUnlinkedWithEachSecretInExactlyOneResponse() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.user(user);
        List<String> bodies = new ArrayList<>();

        String registered = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"MT5 office\"}")
                .when().post(DEVICES + "/register")
                .then().statusCode(201).extract().asString();
        bodies.add(registered);
        String deviceId = io.restassured.path.json.JsonPath.from(registered).getString("device_id");
        String firstSecret = io.restassured.path.json.JsonPath.from(registered).getString("secret");

        bodies.add(given().auth().oauth2(token).when().get(DEVICES + "/" + deviceId)
                .then().statusCode(200)
                .body("name", equalTo("MT5 office"))
                .body("key_version", equalTo(1))
                .body("is_active", equalTo(true))
                .extract().asString());

        bodies.add(given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"MT5 home\"}")
                .when().patch(DEVICES + "/" + deviceId)
                .then().statusCode(200)
                .body("name", equalTo("MT5 home"))
                .extract().asString());

        String rotated = given().auth().oauth2(token).when().post(DEVICES + "/" + deviceId + "/rotate-key")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("key_version", equalTo(2))
                .body("kid", equalTo(deviceId + ".2"))
                .body("secret", matchesPattern("[0-9a-f]{64}"))
                .body("previous_key_version", equalTo(1))
                .body("previous_key_valid_until", notNullValue())
                .extract().asString();
        bodies.add(rotated);
        String secondSecret = io.restassured.path.json.JsonPath.from(rotated).getString("secret");
        assertThat(secondSecret).isNotEqualTo(firstSecret);

        bodies.add(given().auth().oauth2(token).when().get(DEVICES)
                .then().statusCode(200)
                .body("[0].name", equalTo("MT5 home"))
                .body("[0].key_version", equalTo(2))
                .extract().asString());

        given().auth().oauth2(token).when().delete(DEVICES + "/" + deviceId).then().statusCode(204);
        given().auth().oauth2(token).when().delete(DEVICES + "/" + deviceId).then().statusCode(204);

        bodies.add(given().auth().oauth2(token).when().get(DEVICES)
                .then().statusCode(200)
                .body("[0].is_active", equalTo(false))
                .body("[0].revoked_at", notNullValue())
                .extract().asString());

        assertThat(bodies.stream().filter(body -> body.contains(firstSecret))).hasSize(1);
        assertThat(bodies.stream().filter(body -> body.contains(secondSecret))).hasSize(1);

        List<String> audited = database.preparedQuery("select action from audit_log where target = $1 order by id")
                .execute(Tuple.of("device:" + deviceId)).await().indefinitely()
                .stream().map(row -> row.getString("action")).toList();
        assertThat(audited).containsExactly("device.registered", "device.renamed", "device.key-rotated", "device.revoked");

        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(Topics.DEVICES_LIFECYCLE);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(records.getRecords().stream()
                    .filter(record -> record.value().contains(deviceId))
                    .map(record -> header(record, "ce_type")))
                    .containsExactly("device.registered.v1", "device.renamed.v1", "device.key-rotated.v1",
                            "device.revoked.v1"));
            assertThat(records.getRecords()).noneSatisfy(record -> assertThat(record.value())
                    .containsAnyOf(firstSecret, secondSecret));
            records.stop();
        }
    }

    @Test
    void aRotationKeepsAtMostTwoKeyVersionsLive() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        for (int rotation = 0; rotation < 3; rotation++) {
            given().auth().oauth2(device.userToken()).when().post(DEVICES + "/" + device.deviceId() + "/rotate-key")
                    .then().statusCode(200);
        }
        List<Row> live = new ArrayList<>();
        database.preparedQuery("select key_version from device_keys where device_id = $1 "
                        + "and (valid_until is null or valid_until > now()) order by key_version")
                .execute(Tuple.of(device.deviceId())).await().indefinitely().forEach(live::add);
        assertThat(live.stream().map(row -> row.getInteger("key_version"))).containsExactly(3, 4);
    }

    @Test
    void anotherUsersDeviceIsNotFoundOnEveryEndpoint() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        String stranger = TestTokens.user(UUID.randomUUID());
        String path = DEVICES + "/" + device.deviceId();

        notFound(given().auth().oauth2(stranger).when().get(path).then());
        notFound(given().auth().oauth2(stranger).contentType(ContentType.JSON).body("{\"name\":\"mine\"}")
                .when().patch(path).then());
        notFound(given().auth().oauth2(stranger).when().post(path + "/rotate-key").then());
        notFound(given().auth().oauth2(stranger).when().delete(path).then());
        notFound(given().auth().oauth2(stranger).when().get(DEVICES + "/" + UUID.randomUUID()).then());

        given().auth().oauth2(device.userToken()).when().get(path)
                .then().statusCode(200).body("name", equalTo("EA")).body("is_active", equalTo(true));
    }

    @Test
    void anUnlinkedDeviceCanNeitherBeRenamedNorRotatedAndFreesItsPlaceInTheLimit() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.user(user);
        List<LinkedDevice> devices = IntStream.range(0, 10)
                .mapToObj(index -> LinkedDevice.register(user, "EA " + index, clock)).toList();

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"one too many\"}")
                .when().post(DEVICES + "/register")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/device-limit-reached"));

        String unlinked = DEVICES + "/" + devices.get(0).deviceId();
        given().auth().oauth2(token).when().delete(unlinked).then().statusCode(204);
        given().auth().oauth2(token).when().post(unlinked + "/rotate-key")
                .then().statusCode(409).body("type", equalTo("/problems/device-unlinked"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"again\"}")
                .when().patch(unlinked)
                .then().statusCode(409).body("type", equalTo("/problems/device-unlinked"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"replacement\"}")
                .when().post(DEVICES + "/register")
                .then().statusCode(201);
    }

    @Test
    void aRenameIsValidated() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        given().auth().oauth2(device.userToken()).contentType(ContentType.JSON).body("{\"name\":\"  \"}")
                .when().patch(DEVICES + "/" + device.deviceId())
                .then().statusCode(400).body("type", equalTo("/problems/validation"))
                .body("errors[0].field", equalTo("name"));
        given().auth().oauth2(device.userToken()).contentType(ContentType.JSON).body("{\"name\":\"" + "x".repeat(101) + "\"}")
                .when().patch(DEVICES + "/" + device.deviceId())
                .then().statusCode(400).body("type", equalTo("/problems/validation"));
    }

    private static void notFound(io.restassured.response.ValidatableResponse response) {
        response.statusCode(404).contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
