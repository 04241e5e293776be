package com.tradesignals.device;

import static io.restassured.RestAssured.given;

import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.contracts.signing.DeviceSecrets;
import com.tradesignals.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Clock;
import java.util.UUID;

/** A device registered through the API, as its terminal holds it: its key id and secret. */
public record LinkedDevice(UUID userId, UUID deviceId, DeviceRequestSigner signer) {

    public static final String POLL = "/api/v1/devices/poll";

    public static LinkedDevice register(UUID userId, String name, Clock clock) {
        JsonPath registered = given().auth().oauth2(TestTokens.user(userId)).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\"}")
                .when().post("/api/v1/devices/register")
                .then().statusCode(201).extract().jsonPath();
        return new LinkedDevice(userId, UUID.fromString(registered.getString("device_id")),
                signer(registered.getString("kid"), registered.getString("secret"), clock));
    }

    public static DeviceRequestSigner signer(String kid, String secretHex, Clock clock) {
        return new DeviceRequestSigner(DeviceKeyId.parse(kid), DeviceSecrets.fromHex(secretHex), clock);
    }

    public String userToken() {
        return TestTokens.user(userId);
    }

    /** A signed {@code GET /api/v1/devices/poll?<query>}. */
    public ValidatableResponse poll(String query) {
        return poll(signer, query);
    }

    public static ValidatableResponse poll(DeviceRequestSigner signer, String query) {
        return given().header("Authorization", signer.authorization("GET", POLL, query, ""))
                .when().get(query.isEmpty() ? POLL : POLL + "?" + query)
                .then();
    }
}
