package com.tradesignals.affiliate.problems;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InvalidParametersTest {

    private final String admin = TestTokens.admin(UUID.randomUUID());

    @Test
    void aNonNumericLimitIsA400NamingIt() {
        given().auth().oauth2(admin).when().get("/api/v1/affiliates/admin/payouts?limit=many")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("detail", equalTo("Invalid fields: limit"))
                .body("errors.field", contains("limit"));
    }

    @Test
    void aMalformedPathIdIsA400NamingIt() {
        given().auth().oauth2(admin).when().get("/api/v1/affiliates/admin/affiliates/nobody/ledger?limit=x")
                .then().statusCode(400)
                .body("type", equalTo("/problems/validation"))
                .body("detail", equalTo("Invalid fields: userId, limit"))
                .body("errors.field", contains("userId", "limit"));
        given().auth().oauth2(TestTokens.user(UUID.randomUUID())).when().get("/api/v1/affiliates/payouts/not-a-uuid")
                .then().statusCode(400)
                .body("detail", equalTo("Invalid fields: payoutId"));
    }
}
