package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Many linked terminals polling at once, as a fleet does: each poll is an asynchronous signed request on a
 * connection of its own, so a thousand can be parked from one test thread. A terminal that is told to slow down
 * (429) polls again after the second the gateway asks for.
 */
final class DeviceFleet {

    /** A linked device and whose it is. */
    record Terminal(UUID deviceId, User owner, DeviceRequestSigner signer) {
    }

    /** A poll's answer: its status and body (null when it was not JSON). */
    record Answer(Terminal terminal, int status, JsonNode body) {

        List<JsonNode> deliveries() {
            List<JsonNode> deliveries = new ArrayList<>();
            body.get("deliveries").forEach(deliveries::add);
            return deliveries;
        }

        /** The cursor the next poll sends: the last delivery's sequence, or what this one acknowledged. */
        long cursor() {
            List<JsonNode> deliveries = deliveries();
            return deliveries.isEmpty() ? body.get("acknowledged_sequence").asLong()
                    : deliveries.get(deliveries.size() - 1).get("sequence").asLong();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLL_PATH = "/api/v1/devices/poll";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final List<Terminal> terminals;

    private DeviceFleet(List<Terminal> terminals) {
        this.terminals = terminals;
    }

    /** Links {@code devicesPerOwner} devices for each owner through {@code api}, a few registrations at a time. */
    static DeviceFleet register(String api, List<User> owners, int devicesPerOwner) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService registrars = Executors.newFixedThreadPool(8);
        try {
            List<Future<Terminal>> registrations = new ArrayList<>();
            for (User owner : owners) {
                for (int i = 0; i < devicesPerOwner; i++) {
                    String name = "fleet terminal " + i;
                    registrations.add(registrars.submit(() -> register(http, api, owner, name)));
                }
            }
            List<Terminal> terminals = new ArrayList<>();
            for (Future<Terminal> registration : registrations) {
                terminals.add(registration.get(120, TimeUnit.SECONDS));
            }
            return new DeviceFleet(List.copyOf(terminals));
        } finally {
            registrars.shutdownNow();
        }
    }

    private static Terminal register(HttpClient http, String api, User owner, String name)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/devices/register"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + owner.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode device = JSON.readTree(answer.body());
        return new Terminal(UUID.fromString(device.get("device_id").asText()), owner,
                new DeviceRequestSigner(DeviceKeyId.parse(device.get("kid").asText()), device.get("secret").asText()));
    }

    /** One long poll of {@code terminal} through {@code api}; fails (exceptionally) if the connection is cut. */
    CompletableFuture<Answer> poll(String api, Terminal terminal, long after, int waitSeconds) {
        String query = "after=" + after + "&limit=100&wait=" + waitSeconds;
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + POLL_PATH + "?" + query))
                .timeout(Duration.ofSeconds(waitSeconds + 60L))
                .header("Authorization", terminal.signer().authorization("GET", POLL_PATH, query, null))
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(answer -> {
            if (answer.statusCode() == 429) {
                return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                        .thenCompose(ignored -> poll(api, terminal, after, waitSeconds));
            }
            return CompletableFuture.completedFuture(new Answer(terminal, answer.statusCode(), json(answer.body())));
        });
    }

    /**
     * Polls until the terminal has a delivery (a long poll may end empty), then answers that poll; fails if
     * {@code attempts} polls pass without one.
     */
    CompletableFuture<Answer> pollUntilDelivered(String api, Terminal terminal, long after, int attempts) {
        return poll(api, terminal, after, 25).thenCompose(answer -> {
            if (answer.status() != 200 || !answer.deliveries().isEmpty() || attempts <= 1) {
                return CompletableFuture.completedFuture(answer);
            }
            return pollUntilDelivered(api, terminal, answer.cursor(), attempts - 1);
        });
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    static <T> List<T> joinAll(List<CompletableFuture<T>> futures, Duration atMost) throws Exception {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(atMost.toSeconds(), TimeUnit.SECONDS);
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
