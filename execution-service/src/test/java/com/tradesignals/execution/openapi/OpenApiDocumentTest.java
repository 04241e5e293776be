package com.tradesignals.execution.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

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
                .body(underReview, hasKey("signal_price")).body(underReview + ".signal_price.$ref", equalTo(DECIMAL))
                .body("components.schemas.Decimal.type", equalTo("string"));
    }
}
