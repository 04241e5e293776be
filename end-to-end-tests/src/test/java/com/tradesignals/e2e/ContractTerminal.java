package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.deviceclient.DeviceClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A terminal linked through the gateway and driven by the reference device client, each of its calls checked against
 * the API reference; it remembers the highest delivery sequence it received (what its next poll acknowledges).
 */
final class ContractTerminal {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    final UUID deviceId;
    final DeviceClient client;
    private final ApiContract contract;
    long cursor;

    ContractTerminal(UUID deviceId, DeviceClient client, ApiContract contract) {
        this.deviceId = deviceId;
        this.client = client;
        this.contract = contract;
    }

    /** The trader registers a terminal named {@code name}; its key is kept in {@code credentials}. */
    static ContractTerminal register(String gateway, ApiContract contract, User trader, String name,
            Path credentials) throws Exception {
        DeviceClient client = new DeviceClient(URI.create(gateway), credentials);
        HttpResponse<String> registered = client.register(trader.token(), name);
        contract.check(registered, JSON.writeValueAsString(Map.of("name", name)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return new ContractTerminal(UUID.fromString(readJson(registered.body()).get("device_id").asText()), client,
                contract);
    }

    /** A poll from the cursor, waiting up to {@code waitSeconds}. */
    HttpResponse<String> poll(String waitSeconds) {
        return checked(() -> client.poll(Long.toString(cursor), waitSeconds, "10"), null);
    }

    HttpResponse<String> report(String type, Map<String, Object> fields) {
        return report(type, fields, type + "-" + UUID.randomUUID());
    }

    /** A report under {@code reportId}. */
    HttpResponse<String> report(String type, Map<String, Object> fields, String reportId) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("report_id", reportId);
        try {
            return checked(() -> client.report(type, fields, Map.of("report-id", reportId)),
                    JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parks a long poll, then runs {@code publishing}; polls on (each poll acknowledging what came before) until
     * {@code count} deliveries have come, and answers them in the order they came.
     */
    List<JsonNode> deliveredWhilePolling(int count, Runnable publishing) throws Exception {
        CompletableFuture<List<JsonNode>> polling = CompletableFuture.supplyAsync(() -> {
            List<JsonNode> received = new ArrayList<>();
            Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
            while (received.size() < count && Instant.now().isBefore(deadline)) {
                HttpResponse<String> answer = poll("25");
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                JsonNode body = readJson(answer.body());
                assertThat(body.get("is_superseded").asBoolean()).as("superseded: " + answer.body()).isFalse();
                for (JsonNode delivery : body.get("deliveries")) {
                    received.add(delivery);
                    cursor = delivery.get("sequence").asLong();
                }
            }
            return received;
        });
        publishing.run();
        List<JsonNode> received = polling.get(DELIVERY_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
        assertThat(received).as("deliveries").hasSize(count);
        return received;
    }

    /** A short poll that acknowledges everything received so far; nothing else is due. */
    void acknowledge() {
        HttpResponse<String> answer = poll("0");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = readJson(answer.body());
        assertThat(body.get("deliveries")).as(answer.body()).isEmpty();
        assertThat(body.get("acknowledged_sequence").asLong()).isEqualTo(cursor);
    }

    /** Acknowledges the signal once execution-service has it (202 until then). */
    void awaitSignalKnown(UUID signalId) {
        await("execution-service knows the signal and the device").atMost(Duration.ofSeconds(30))
                .until(() -> report("ack", Map.of("signal_id", signalId.toString())).statusCode() == 200);
    }

    static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private HttpResponse<String> checked(Call call, String requestBody) {
        try {
            HttpResponse<String> answer = call.send();
            contract.check(answer, requestBody);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
