package com.tradesignals.device.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.tradesignals.testsupport.OpenApiCoverage;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document covers every endpoint and answer, and describes devices' own signature scheme. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyEndpointAndEveryAnswerItCanGiveIsDocumented() {
        String document = document();
        assertThat(OpenApiCoverage.gaps(document)).isEmpty();
        assertThat(OpenApiCoverage.operations(document)).contains("post /api/v1/devices/register",
                "get /api/v1/devices", "get /api/v1/devices/{id}", "patch /api/v1/devices/{id}",
                "delete /api/v1/devices/{id}", "post /api/v1/devices/{id}/rotate-key", "get /api/v1/devices/poll",
                "get /api/v1/devices/time", "post /api/v1/devices/pairing", "post /api/v1/devices/pairing/token",
                "post /api/v1/devices/pair", "get /api/v1/devices/{id}/settings",
                "patch /api/v1/devices/{id}/settings", "get /api/v1/devices/{id}/deliveries",
                "get /api/v1/devices/signals/{signal_id}/deliveries");
    }

    @Test
    void anUndocumentedEndpointIsReported() {
        assertThat(OpenApiCoverage.gaps(document(), List.of(UndocumentedResource.class)))
                .anySatisfy(gap -> assertThat(gap).contains("GET /test/undocumented").contains("no summary"));
    }

    @Test
    void devicesSignWithTheirOwnSchemeAndUsersPresentABearerToken() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.'DHMAC-SHA256'.type", equalTo("apiKey"))
                .body("components.securitySchemes.'DHMAC-SHA256'.name", equalTo("Authorization"))
                .body("paths.'/api/v1/devices/poll'.get.security[0]", hasKey("DHMAC-SHA256"))
                .body("paths.'/api/v1/devices/poll'.get.security[0]", not(hasKey("bearer-jwt")))
                .body("paths.'/api/v1/devices/register'.post.security[0].bearer-jwt", contains("user"))
                .body("paths.'/api/v1/devices/time'.get", not(hasKey("security")))
                .body("paths.'/api/v1/devices/pairing'.post", not(hasKey("security")))
                .body("paths.'/api/v1/devices/pairing/token'.post", not(hasKey("security")))
                .body("paths.'/api/v1/devices/pair'.post.security[0].bearer-jwt", contains("user"));
    }

    @Test
    void requestAndResponseSchemasUseSnakeCaseAndDecimalsAsStrings() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("components.schemas.DeliveredSignal.properties", hasKey("signal_id"))
                .body("components.schemas.DeliveredSignal.properties.kind.enum",
                        contains("open", "modify", "cancel", "close"))
                .body("components.schemas.DeliveredSignal.properties", hasKey("close_lots"))
                .body("components.schemas.DeliveredSignal.required", hasItem("kind"))
                .body("components.schemas.DeliveredSignal.properties.size.$ref",
                        equalTo("#/components/schemas/Decimal"))
                .body("components.schemas.RegisterDeviceRequest.properties.name.maxLength", equalTo(100))
                .body("components.schemas.RegisterDeviceRequest.required", contains("name"));
    }

    private static String document() {
        return given().queryParam("format",
                "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
    }
}
