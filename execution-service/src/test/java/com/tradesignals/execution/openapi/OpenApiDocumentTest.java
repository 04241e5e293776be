package com.tradesignals.execution.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.tradesignals.testsupport.OpenApiCoverage;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document names fields and types as the API reads and writes them (snake_case, decimals as strings). */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String DECIMAL = "#/components/schemas/Decimal";

    @Test
    void requestAndResponseSchemasUseSnakeCaseAndDecimalsAsStrings() {
        String fill = "components.schemas.FillReport.properties";
        String underReview = "components.schemas.FillUnderReview.properties";
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(fill, hasKey("report_id")).body(fill, hasKey("filled_at")).body(fill, not(hasKey("reportId")))
                .body(fill + ".price.$ref", equalTo(DECIMAL)).body(fill + ".size.$ref", equalTo(DECIMAL))
                .body(underReview, hasKey("signal_price")).body(underReview + ".signal_price.anyOf[0].$ref",
                        equalTo(DECIMAL))
                .body("components.schemas.Decimal.type", equalTo("string"));
    }

    @Test
    void everyEndpointAndEveryAnswerItCanGiveIsDocumented() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        assertThat(OpenApiCoverage.gaps(document)).isEmpty();
        assertThat(OpenApiCoverage.operations(document)).hasSize(15);
    }

    @Test
    void reportsAnswer202WhileTheSignalIsUnknownAndStatusTakesEitherScheme() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/exec/fill'.post.responses.keySet()", hasItems("200", "202", "400", "401", "409"))
                .body("paths.'/api/v1/exec/fill'.post.security[0]", hasKey("DHMAC-SHA256"))
                .body("paths.'/api/v1/exec/status/{signal_id}'.get.security.collect { it.keySet()[0] }",
                        hasItems("bearer-jwt", "DHMAC-SHA256"));
    }
}
