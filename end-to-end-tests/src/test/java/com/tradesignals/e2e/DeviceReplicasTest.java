package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
 * on either replica is answered as soon as the delivery commits (PostgreSQL NOTIFY reaches both).
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
        UUID signalId = UUID.randomUUID();
        Instant now = Instant.now();
        TestKafka.publishCloudEvent(EventType.SIGNAL_ISSUED.topic(), trader.id().toString(), TestKafka.newEventId(),
                EventType.SIGNAL_ISSUED.type(), JSON.createObjectNode()
                        .put("signal_id", signalId.toString()).put("user_id", trader.id().toString())
                        .put("instrument", "XAUUSD").put("side", "SELL").put("order_type", "MARKET")
                        .put("size", "0.10").put("price", "2650.50")
                        .put("issued_at", now.toString()).put("expires_at", now.plus(Duration.ofMinutes(5)).toString())
                        .toString());

        for (CompletableFuture<HttpResponse<String>> poll : new CompletableFuture[] { first, second }) {
            HttpResponse<String> answer = poll.get(20, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).get("deliveries").get(0).get("signal_id").asText())
                    .isEqualTo(signalId.toString());
        }
    }

    private static HttpResponse<String> longPoll(DeviceClient terminal) {
        try {
            return terminal.poll("0", "25", "10");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
