package com.tradesignals.execution.problems;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InvalidParametersTest {

    @Test
    void aNonNumericLimitIsA400NamingIt() {
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID()))
                .when().get("/api/v1/exec/admin/fills/review?limit=ten")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("detail", equalTo("Invalid fields: limit"))
                .body("errors.field", contains("limit"));
    }

    @Test
    void aMalformedSignalIdIsA400NamingItAndAnUnknownOneStaysA404() {
        String token = TestTokens.user(UUID.randomUUID());

        given().auth().oauth2(token).when().get("/api/v1/exec/status/12345")
                .then().statusCode(400)
                .body("type", equalTo("/problems/validation"))
                .body("detail", equalTo("Invalid fields: signal_id"))
                .body("errors.field", contains("signal_id"));
        given().auth().oauth2(token).when().get("/api/v1/exec/status/" + UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("/problems/not-found"));
    }
}
