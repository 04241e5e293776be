package com.tradesignals.execution.devices;

import static com.tradesignals.execution.Scenario.ack;
import static com.tradesignals.execution.Scenario.issue;
import static com.tradesignals.execution.Scenario.registerDevice;
import static com.tradesignals.execution.Scenario.signal;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.execution.Scenario;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Devices are verified locally, from what devices.lifecycle.v1 said: device-service is not running in these tests. */
@QuarkusTest
class DeviceReportAuthenticationTest {

    private static final String PATH = "/api/v1/exec/ack";

    @Inject
    Pool database;

    private UUID user;
    private DeviceRequestSigner device;
    private String body;

    @BeforeEach
    void aDeviceAndASignal() {
        user = UUID.randomUUID();
        device = registerDevice(database, user);
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1", "1"));
        body = "{\"report_id\":\"a-1\",\"signal_id\":\"" + signal.signalId() + "\"}";
    }

    @Test
    void aDeviceKnownFromItsLifecycleEventIsAcceptedAndToldTheServerTime() {
        post(device.authorization("POST", PATH, "", body)).statusCode(200).header("X-Server-Time", notNullValue());
    }

    @Test
    void aReplayedNonceIsRejected() {
        String authorization = device.authorization("POST", PATH, "", body);
        post(authorization).statusCode(200);
        refused(post(authorization));
    }

    @Test
    void aTimestampOutsideTheWindowIsRejected() {
        long twoMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(2).toMillis();
        refused(post(device.authorization("POST", PATH, "", body, twoMinutesAgo, DeviceRequestSigner.newNonce())));
    }

    @Test
    void aWrongSignatureOrAnUnknownKeyVersionIsRejected() {
        refused(post(new DeviceRequestSigner(device.keyId(), "00".repeat(32)).authorization("POST", PATH, "", body)));
        DeviceKeyId otherVersion = new DeviceKeyId(device.keyId().deviceId(), 2);
        refused(post(new DeviceRequestSigner(otherVersion,
                com.tradesignals.contracts.signing.DeviceSecrets.derive(Scenario.MASTER_KEY, otherVersion),
                java.time.Clock.systemUTC()).authorization("POST", PATH, "", body)));
        // Signed for another body than the one sent.
        refused(post(device.authorization("POST", PATH, "", body.replace("a-1", "a-2"))));
    }

    @Test
    void aRevokedDeviceIsRejectedOnceItsRevocationArrived() {
        post(device.authorization("POST", PATH, "", body)).statusCode(200);
        Scenario.revoke(device, user);
        await().atMost(Duration.ofSeconds(30)).until(() -> post(device.authorization("POST", PATH, "", body))
                .extract().statusCode() == 401);
        refused(ack(device, "a-2", UUID.randomUUID()));
    }

    @Test
    void aUserTokenDoesNotAuthenticateAReportEndpoint() {
        given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON).body(body)
                .when().post(PATH).then().statusCode(401).contentType("application/problem+json");
    }

    private ValidatableResponse post(String authorization) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON).body(body)
                .when().post(PATH).then();
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthenticated"));
    }
}
