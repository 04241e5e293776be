package com.tradesignals.device.problems;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.device.LinkedDevice;
import com.tradesignals.device.TestClock;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InvalidParametersTest {

    @Inject
    TestClock clock;

    @Test
    void aNonNumericQueryParameterIsA400NamingIt() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);

        device.poll("after=abc").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("detail", equalTo("Invalid fields: after"))
                .body("errors.field", contains("after"));
        device.poll("after=0&limit=lots").statusCode(400)
                .body("detail", equalTo("Invalid fields: limit"))
                .body("errors.field", contains("limit"));
    }

    @Test
    void aMalformedPathIdIsA400NamingItAndAnUnknownOneStaysA404() {
        String token = TestTokens.user(UUID.randomUUID());

        given().auth().oauth2(token).when().get("/api/v1/devices/not-a-uuid")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("detail", equalTo("Invalid fields: id"))
                .body("errors.field", contains("id"));
        given().auth().oauth2(token).when().get("/api/v1/devices/" + UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("/problems/not-found"));
        given().auth().oauth2(token).when().get("/api/v1/devices/a/b/c")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
