package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.deviceclient.DeviceClient;
import com.tradesignals.testsupport.TestKafka;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two device-service replicas on one database: only one of them consumes a given signal, yet a poll parked
 * on either replica is answered as soon as the delivery commits (PostgreSQL NOTIFY reaches both); and a
 * device's new long poll on one replica supersedes its poll parked on the other.
 */
class DeviceReplicasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SystemUnderTest system = SystemUnderTest.shared();

    @TempDir
    Path storage;

    @Test
    void pollsParkedOnBothReplicasAreWokenByOneSignal() throws Exception {
        User trader = User.signUp(system);
        DeviceClient viaGateway = new DeviceClient(URI.create(system.gateway), storage.resolve("first.json"));
        DeviceClient viaReplica = new DeviceClient(URI.create(system.deviceServiceReplica), storage.resolve("second.json"));
        assertThat(viaGateway.register(trader.token(), "terminal on replica 1").statusCode()).isEqualTo(201);
        assertThat(viaReplica.register(trader.token(), "terminal on replica 2").statusCode()).isEqualTo(201);

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> longPoll(viaGateway));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> longPoll(viaReplica));
        UUID signalId = publishSignal(trader);

        for (CompletableFuture<HttpResponse<String>> poll : new CompletableFuture[] { first, second }) {
            HttpResponse<String> answer = poll.get(20, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).get("deliveries").get(0).get("signal_id").asText())
                    .isEqualTo(signalId.toString());
        }
    }

    @Test
    void aPollParkedOnOneReplicaIsSupersededByTheSameDevicesPollOnTheOther() throws Exception {
        User trader = User.signUp(system);
        Path credentials = storage.resolve("terminal.json");
        DeviceClient onFirstReplica = new DeviceClient(URI.create(system.gateway), credentials);
        DeviceClient onSecondReplica = new DeviceClient(URI.create(system.deviceServiceReplica), credentials);
        HttpResponse<String> registered = onFirstReplica.register(trader.token(), "terminal that reconnects");
        assertThat(registered.statusCode()).isEqualTo(201);
        String deviceId = JSON.readTree(registered.body()).get("device_id").asText();

        CompletableFuture<HttpResponse<String>> older = CompletableFuture.supplyAsync(() -> longPoll(onFirstReplica));
        // A long poll announces itself before its first read, which sets last_poll_at: once set, it is announced.
        await().atMost(Duration.ofSeconds(15)).until(() -> trader.api().get("/api/v1/devices/" + deviceId)
                .then().statusCode(200).extract().path("last_poll_at") != null);
        CompletableFuture<HttpResponse<String>> newer = CompletableFuture.supplyAsync(() -> longPoll(onSecondReplica));

        HttpResponse<String> olderAnswer = older.get(15, TimeUnit.SECONDS);
        assertThat(olderAnswer.statusCode()).isEqualTo(200);
        JsonNode superseded = JSON.readTree(olderAnswer.body());
        assertThat(superseded.get("is_superseded").asBoolean()).isTrue();
        assertThat(superseded.get("deliveries")).isEmpty();
        assertThat(newer).isNotDone();

        UUID signalId = publishSignal(trader);

        HttpResponse<String> newerAnswer = newer.get(20, TimeUnit.SECONDS);
        assertThat(newerAnswer.statusCode()).isEqualTo(200);
        JsonNode delivered = JSON.readTree(newerAnswer.body());
        assertThat(delivered.get("is_superseded").asBoolean()).isFalse();
        assertThat(delivered.get("deliveries").get(0).get("signal_id").asText()).isEqualTo(signalId.toString());
    }

    private static UUID publishSignal(User trader) {
        UUID signalId = UUID.randomUUID();
        Instant now = Instant.now();
        TestKafka.publishCloudEvent(EventType.SIGNAL_ISSUED.topic(), trader.id().toString(), TestKafka.newEventId(),
                EventType.SIGNAL_ISSUED.type(), JSON.createObjectNode()
                        .put("signal_id", signalId.toString()).put("user_id", trader.id().toString())
                        .put("instrument", "XAUUSD").put("side", "SELL").put("order_type", "MARKET")
                        .put("size", "0.10").put("price", "2650.50")
                        .put("issued_at", now.toString()).put("expires_at", now.plus(Duration.ofMinutes(5)).toString())
                        .toString());
        return signalId;
    }

    private static HttpResponse<String> longPoll(DeviceClient terminal) {
        try {
            return terminal.poll("0", "25", "10");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
