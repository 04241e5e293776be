package com.tradesignals.device.keys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.device.LinkedDevice;
import com.tradesignals.device.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which keys may sign after a rotation or an unlink (grace period: devices.key-rotation-grace, 24 h). */
@QuarkusTest
class KeyRotationTest {

    private static final Duration GRACE = Duration.ofHours(24);

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theOldKeyWorksWithinTheGracePeriodAndIsRefusedAfterIt() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        DeviceRequestSigner newKey = rotate(device);

        device.poll("").statusCode(200);
        LinkedDevice.poll(newKey, "").statusCode(200);

        clock.advance(GRACE.minusMinutes(1));
        device.poll("").statusCode(200);

        clock.advance(Duration.ofMinutes(2));
        refused(device.poll(""));
        LinkedDevice.poll(newKey, "").statusCode(200);
    }

    @Test
    void aSecondRotationEndsTheFirstKeyAtOnce() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        DeviceRequestSigner second = rotate(device);
        DeviceRequestSigner third = rotate(device);

        refused(device.poll(""));
        LinkedDevice.poll(second, "").statusCode(200);
        LinkedDevice.poll(third, "").statusCode(200);
    }

    @Test
    void anUnlinkedDeviceIsRefusedWithEveryKeyVersion() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        DeviceRequestSigner newKey = rotate(device);

        given().auth().oauth2(device.userToken()).when().delete("/api/v1/devices/" + device.deviceId())
                .then().statusCode(204);

        refused(device.poll(""));
        refused(LinkedDevice.poll(newKey, ""));
    }

    private DeviceRequestSigner rotate(LinkedDevice device) {
        JsonPath rotated = given().auth().oauth2(device.userToken())
                .when().post("/api/v1/devices/" + device.deviceId() + "/rotate-key")
                .then().statusCode(200).extract().jsonPath();
        return LinkedDevice.signer(rotated.getString("kid"), rotated.getString("secret"), clock);
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthenticated"));
    }
}
