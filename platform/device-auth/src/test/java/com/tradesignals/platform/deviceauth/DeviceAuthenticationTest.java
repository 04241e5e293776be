package com.tradesignals.platform.deviceauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.testsupport.PostgresTestResource;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DHMAC-SHA256 mechanism (docs/device-signing.md) with real nonces in PostgreSQL, through a test endpoint. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class DeviceAuthenticationTest {

    private static final String PATH = "/test/signed-echo";
    private static final String BODY = "{\"hello\":\"world\"}";

    @Inject
    DeviceKeys devices;

    private UUID user;
    private DeviceRequestSigner signer;

    @BeforeEach
    void registerDevice() {
        user = UUID.randomUUID();
        signer = devices.issue(user);
    }

    @Test
    void aCorrectlySignedRequestActsAsTheDeviceAndItsBodyStillReachesTheEndpoint() {
        post(signer.authorization("POST", PATH, "", BODY), BODY)
                .statusCode(200)
                .header("X-Server-Time", notNullValue())
                .body("device_id", equalTo(signer.keyId().deviceId().toString()))
                .body("user_id", equalTo(user.toString()))
                .body("body.hello", equalTo("world"));
    }

    @Test
    void aReplayedNonceIsRejected() {
        String authorization = signer.authorization("POST", PATH, "", BODY);
        post(authorization, BODY).statusCode(200);
        refused(post(authorization, BODY));
    }

    @Test
    void aTimestampOutsideTheWindowIsRejected() {
        long twoMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(2).toMillis();
        refused(post(signer.authorization("POST", PATH, "", BODY, twoMinutesAgo, DeviceRequestSigner.newNonce()), BODY));
    }

    @Test
    void aBodyChangedAfterSigningIsRejected() {
        refused(post(signer.authorization("POST", PATH, "", BODY), "{\"hello\":\"mars\"}"));
    }

    @Test
    void aWrongSecretOrAnUnknownKeyIsRejected() {
        DeviceRequestSigner wrongSecret = new DeviceRequestSigner(signer.keyId(), "00".repeat(32));
        refused(post(wrongSecret.authorization("POST", PATH, "", BODY), BODY));

        DeviceRequestSigner unknownVersion = new DeviceRequestSigner(
                new DeviceKeyId(signer.keyId().deviceId(), 7), "00".repeat(32));
        refused(post(unknownVersion.authorization("POST", PATH, "", BODY), BODY));
    }

    @Test
    void aUserTokenDoesNotAuthenticateADeviceEndpoint() {
        given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON).body(BODY)
                .when().post(PATH)
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static ValidatableResponse post(String authorization, String body) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON).body(body)
                .when().post(PATH).then();
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthenticated"));
    }
}
