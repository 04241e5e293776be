package com.tradesignals.platform.deviceauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.testsupport.PostgresTestResource;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
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

    @Inject
    Pool database;

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
    void aNonceAnotherReplicaAcceptedIsRejectedHere() {
        String nonce = DeviceRequestSigner.newNonce();
        String authorization = signer.authorization("POST", PATH, "", BODY, System.currentTimeMillis(), nonce);
        // Replicas share the database: this is the row another replica's acceptance left.
        database.preparedQuery("insert into device_request_nonces (kid, nonce, expires_at) values ($1, $2, $3)")
                .execute(Tuple.of(signer.keyId().toString(), nonce, OffsetDateTime.now().plusMinutes(2)))
                .await().atMost(Duration.ofSeconds(10));

        refused(post(authorization, BODY));
    }

    @Test
    void theSameSignedRequestSentManyTimesAtOnceIsAcceptedOnce() {
        String authorization = signer.authorization("POST", PATH, "", BODY);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Integer>> statuses = IntStream.range(0, 32)
                    .mapToObj(ignored -> CompletableFuture.supplyAsync(
                            () -> post(authorization, BODY).extract().statusCode(), clients))
                    .toList();
            List<Integer> answered = statuses.stream().map(CompletableFuture::join).toList();

            assertThat(answered).filteredOn(status -> status == 200).hasSize(1);
            assertThat(answered).filteredOn(status -> status == 401).hasSize(31);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void manyDevicesSigningAtOnceAreEachAccepted() {
        List<DeviceRequestSigner> signers = IntStream.range(0, 32).mapToObj(ignored -> devices.issue(user)).toList();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Integer> answered = signers.stream()
                    .map(each -> CompletableFuture.supplyAsync(() -> post(each.authorization("POST", PATH, "", BODY),
                            BODY).extract().statusCode(), clients))
                    .toList().stream().map(CompletableFuture::join).toList();

            assertThat(answered).containsOnly(200).hasSize(32);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aKeyRevokedWhereTheServiceLearnsOfItIsRefusedAtOnce() {
        post(signer.authorization("POST", PATH, "", BODY), BODY).statusCode(200);

        devices.revoke(signer.keyId());

        refused(post(signer.authorization("POST", PATH, "", BODY), BODY));
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
