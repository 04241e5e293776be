package com.tradesignals.device.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import com.tradesignals.contracts.Topics;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeviceRegistrationTest {

    @Test
    void registeringADeviceAnswersItsSecretOnceAndPublishesDeviceRegistered() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.user(user);

        String deviceId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"MT5 office PC\"}")
                .when().post("/api/v1/devices/register")
                .then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("secret", matchesPattern("[0-9a-f]{64}"))
                .body("key_version", equalTo(1))
                .body("name", equalTo("MT5 office PC"))
                .extract().path("device_id");

        String listing = given().auth().oauth2(token)
                .when().get("/api/v1/devices")
                .then().statusCode(200)
                .body("device_id", contains(deviceId))
                .body("is_active", hasItem(true))
                .extract().asString();
        assertThat(listing).doesNotContain("secret");

        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(Topics.DEVICES_LIFECYCLE);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(records.getRecords())
                    .anySatisfy(record -> {
                        assertThat(record.key()).isEqualTo(user.toString());
                        assertThat(header(record, "ce_type")).isEqualTo("device.registered.v1");
                        assertThat(header(record, "ce_source")).isEqualTo("device-service");
                        assertThat(record.value()).contains("\"device_id\":\"" + deviceId + "\"")
                                .doesNotContain("secret");
                    }));
            records.stop();
        }
    }

    @Test
    void badRequestsGetAProblemNamingWhatIsWrong() {
        String token = TestTokens.user(UUID.randomUUID());

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/v1/devices/register")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\": {\"nested\": true}}")
                .when().post("/api/v1/devices/register")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("name"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/devices/register")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", contains("name"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"x\",\"colour\":\"red\"}")
                .when().post("/api/v1/devices/register")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("colour"));
    }

    @Test
    void callersWithoutAValidUserTokenAreTurnedAway() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().post("/api/v1/devices/register")
                .then().statusCode(401).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.forgedUser(UUID.randomUUID()))
                .when().get("/api/v1/devices")
                .then().statusCode(401).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.token(UUID.randomUUID(), "auditor"))
                .when().get("/api/v1/devices")
                .then().statusCode(403).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.user(UUID.randomUUID()))
                .when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
