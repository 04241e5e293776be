package com.tradesignals.affiliate.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import com.tradesignals.testsupport.OpenApiCoverage;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document covers every endpoint and answer as the API really reads and writes them. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyEndpointAndEveryAnswerItCanGiveIsDocumented() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        assertThat(OpenApiCoverage.gaps(document)).isEmpty();
        assertThat(OpenApiCoverage.operations(document)).hasSize(21);
    }

    @Test
    void domainProblemsAndSuccessesAreDocumentedPerOperation() {
        String payout = "paths.'/api/v1/affiliates/payout'.post.responses";
        String claim = "paths.'/api/v1/affiliates/referrals'.post.responses";
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(payout, hasKey("201")).body(payout, hasKey("409")).body(payout, hasKey("422"))
                .body(payout + ".'422'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body(claim + ".keySet()", hasItems("200", "201", "409", "422"))
                .body("paths.'/api/v1/affiliates/history'.get.responses.'200'.content.keySet()",
                        hasItems("application/json", "text/csv"))
                .body("components.schemas.PayoutRequest.properties.amount.$ref",
                        equalTo("#/components/schemas/Decimal"))
                .body("components.schemas.PayoutMethodDetails.discriminator.propertyName", equalTo("type"));
    }
}
