package com.tradesignals.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.deviceclient.DeviceClient;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminals as users set them up, through the gateway (issue 16): a terminal without credentials pairs by showing a
 * code the user enters in their app, fetches its key itself and receives signals on its signed long poll; two
 * terminals of one user trade a signal each by its own settings (one with a broker symbol and half the lots, one
 * paused), and the user sees when the delivery was handed out and acknowledged, and that the terminal is online.
 */
class TerminalsInTheFieldTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** execution-service's consumer group (its application name): its committed offsets say what it has applied. */
    private static final String EXECUTION_SERVICE_GROUP = "execution-service";

    private static TopicReader lifecycle;

    private final SystemUnderTest system = SystemUnderTest.shared();
    /** Every request and answer is checked against the services' OpenAPI documents. */
    private final ApiContract contract = ApiContract.fromGateway(system.gateway);

    @TempDir
    Path deviceStorage;

    @BeforeAll
    static void readTheDeviceLifecycleTopicFromItsStart() {
        SystemUnderTest.shared();
        lifecycle = new TopicReader(Topics.DEVICES_LIFECYCLE);
    }

    @AfterAll
    static void stopReading() {
        if (lifecycle != null) {
            lifecycle.close();
        }
    }

    @Test
    void aTerminalPairedByItsUserCodeFetchesItsKeyOnceAndReceivesSignals() throws Exception {
        User trader = User.signUp(system);

        // The terminal, with no credentials, starts a pairing and shows the user code.
        Response started = anonymous().post("/api/v1/devices/pairing");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
        assertThat(started.header("Cache-Control")).contains("no-store");
        String deviceCode = started.jsonPath().getString("device_code");
        String userCode = started.jsonPath().getString("user_code");
        Duration interval = Duration.ofSeconds(started.jsonPath().getLong("interval"));
        assertThat(userCode).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        String collect = JSON.writeValueAsString(Map.of("device_code", deviceCode));

        // Asked before the user entered the code, the key is pending.
        assertProblem(askForKey(collect), 400, "/problems/authorization-pending");

        // The user types the code as people do (lower case, a space for the dash) and names the terminal.
        String typed = userCode.toLowerCase().replace('-', ' ');
        Response approved = trader.api().filter(contract)
                .body(JSON.writeValueAsString(Map.of("user_code", typed, "name", "MT5 office PC")))
                .post("/api/v1/devices/pair");
        assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(201);
        UUID deviceId = UUID.fromString(approved.jsonPath().getString("device_id"));
        assertThat(approved.asString()).doesNotContain("secret");

        // The terminal asks every `interval` seconds, as told, until its key comes.
        Response[] key = new Response[1];
        await("the paired terminal gets its key").pollDelay(interval).pollInterval(interval)
                .atMost(interval.multipliedBy(6)).until(() -> {
                    Response answer = askForKey(collect);
                    if (answer.statusCode() == 200) {
                        key[0] = answer;
                        return true;
                    }
                    assertThat(answer.jsonPath().getString("type")).as(answer.asString())
                            .isIn("/problems/authorization-pending", "/problems/slow-down");
                    return false;
                });
        JsonPath pairedKey = key[0].jsonPath();
        assertThat(key[0].header("Cache-Control")).contains("no-store");
        assertThat(pairedKey.getString("device_id")).isEqualTo(deviceId.toString());
        assertThat(pairedKey.getString("kid")).startsWith(deviceId + ".");
        assertThat(pairedKey.getString("secret")).matches("[0-9a-f]{64}");

        // With that key its signed long poll receives the user's next signal.
        ContractTerminal terminal = new ContractTerminal(deviceId, new DeviceClient(URI.create(system.gateway),
                storeCredentials("paired.json", pairedKey)), contract);
        UUID signalId = UUID.randomUUID();
        JsonNode open = terminal.deliveredWhilePolling(1, () -> publishSignal(signalId, trader.id(), "0.10")).get(0);
        assertThat(open.get("kind").asText()).isEqualTo("open");
        assertThat(open.get("signal_id").asText()).isEqualTo(signalId.toString());
        terminal.acknowledge();

        // The code cannot approve a second terminal, a wrong code gets the same answer, and the key is not given twice.
        assertProblem(trader.api().filter(contract)
                .body(JSON.writeValueAsString(Map.of("user_code", userCode, "name", "Someone else's PC")))
                .post("/api/v1/devices/pair"), 400, "/problems/pairing-code-invalid");
        String wrongCode = userCode.equals("BBBB-BBBB") ? "CCCC-CCCC" : "BBBB-BBBB";
        assertProblem(trader.api().filter(contract)
                .body(JSON.writeValueAsString(Map.of("user_code", wrongCode, "name", "Guess")))
                .post("/api/v1/devices/pair"), 400, "/problems/pairing-code-invalid");
        assertProblem(askForKey(collect), 400, "/problems/pairing-code-invalid");
        // Neither refusal linked anything: the user has the one paired terminal.
        assertThat(trader.api().filter(contract).get("/api/v1/devices").then().statusCode(200).extract().jsonPath()
                .getList("device_id")).containsExactly(deviceId.toString());
    }

    @Test
    void eachTerminalTradesASignalByItsOwnSettingsAndItsTimelineShowsTheDelivery() throws Exception {
        User trader = User.signUp(system);
        ContractTerminal mapped = ContractTerminal.register(system.gateway, contract, trader, "MT5 broker A",
                deviceStorage.resolve("mapped.json"));
        ContractTerminal paused = ContractTerminal.register(system.gateway, contract, trader, "MT5 broker B",
                deviceStorage.resolve("paused.json"));

        JsonPath mappedSettings = patchSettings(trader, mapped,
                "{\"symbol_map\":{\"EURUSD\":\"EURUSD.m\"},\"sizing\":{\"lot_multiplier\":\"0.5\"}}");
        assertThat(mappedSettings.getString("symbol_map.EURUSD")).isEqualTo("EURUSD.m");
        assertDecimal(mappedSettings.getString("sizing.lot_multiplier"), "0.5");
        assertThat(mappedSettings.getBoolean("is_paused")).isFalse();
        assertThat(patchSettings(trader, paused, "{\"is_paused\":true}").getBoolean("is_paused")).isTrue();

        // execution-service sizes the device's execution when it consumes the signal, from the settings it has
        // consumed by then (devices.lifecycle.v1, a different topic than signals.v1: no order between them). Rather
        // than retrying fills on throwaway signals, the signal is issued once execution-service's consumer group has
        // committed past both settings changes: it commits an offset only after the event's transaction, so the
        // sizing is applied then, and nothing about the story itself is retried.
        awaitExecutionServiceApplied(Set.of(mapped.deviceId, paused.deviceId));

        // A 1.00-lot EURUSD signal: the mapped terminal gets half of it under its broker's symbol.
        UUID signalId = UUID.randomUUID();
        JsonNode open = mapped.deliveredWhilePolling(1, () -> publishSignal(signalId, trader.id(), "1.00")).get(0);
        assertThat(open.get("kind").asText()).isEqualTo("open");
        assertThat(open.get("signal_id").asText()).isEqualTo(signalId.toString());
        assertThat(open.get("instrument").asText()).isEqualTo("EURUSD");
        assertThat(open.get("symbol").asText()).isEqualTo("EURUSD.m");
        assertThat(open.get("size").asText()).isEqualTo("0.50000000");
        assertThat(open.get("signal_size").asText()).isEqualTo("1.00000000");
        // The signal was fanned out to both terminals at once: the paused one got nothing, and never will.
        HttpResponse<String> pausedPoll = paused.poll("0");
        assertThat(pausedPoll.statusCode()).as(pausedPoll.body()).isEqualTo(200);
        assertThat(ContractTerminal.readJson(pausedPoll.body()).get("deliveries")).as(pausedPoll.body()).isEmpty();

        // The mapped terminal acknowledges it and trades its own 0.50 lots: that fills its order; 0.10 more overfills.
        mapped.acknowledge();
        mapped.awaitSignalKnown(signalId);
        HttpResponse<String> filled = mapped.report("fill", fill(signalId, "T-1", "0.50"));
        assertOutcome(filled, "FILL_APPLIED");
        assertThat(JsonPath.from(filled.body()).getString("execution.state")).as(filled.body()).isEqualTo("FILLED");
        assertOutcome(mapped.report("fill", fill(signalId, "T-2", "0.10")), "OVERFILL_QUARANTINED");

        // The user's timeline of the mapped terminal: the delivery, first handed out and then acknowledged.
        JsonPath timeline = trader.api().filter(contract).get("/api/v1/devices/" + mapped.deviceId + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = timeline.getList("items");
        assertThat(items).hasSize(1);
        Map<String, Object> delivery = items.get(0);
        assertThat(delivery).containsEntry("signal_id", signalId.toString()).containsEntry("kind", "open")
                .containsEntry("instrument", "EURUSD").containsEntry("state", "acknowledged");
        assertThat(((Number) delivery.get("sequence")).longValue()).isEqualTo(open.get("sequence").asLong());
        Instant created = Instant.parse((String) delivery.get("created_at"));
        Instant handed = Instant.parse((String) delivery.get("first_handed_at"));
        Instant acknowledged = Instant.parse((String) delivery.get("acknowledged_at"));
        assertThat(handed).isAfterOrEqualTo(created);
        assertThat(acknowledged).isAfterOrEqualTo(handed);
        assertThat(delivery.get("cancelled_at")).isNull();
        // The signal's deliveries across the user's terminals: the mapped one's only (the paused one got none).
        JsonPath ofSignal = trader.api().filter(contract)
                .get("/api/v1/devices/signals/" + signalId + "/deliveries").then().statusCode(200).extract()
                .jsonPath();
        assertThat(ofSignal.getString("signal_id")).isEqualTo(signalId.toString());
        assertThat(ofSignal.getList("deliveries.device_id")).containsExactly(mapped.deviceId.toString());
        assertThat(ofSignal.getList("deliveries.first_handed_at")).doesNotContainNull();
        assertThat(ofSignal.getList("deliveries.acknowledged_at")).doesNotContainNull();

        // The device views: the terminal that just polled is online, seen since the trader linked it.
        JsonPath devices = trader.api().filter(contract).get("/api/v1/devices").then().statusCode(200).extract()
                .jsonPath();
        String mappedView = "find { it.device_id == '" + mapped.deviceId + "' }";
        assertThat(devices.getBoolean(mappedView + ".is_online")).isTrue();
        Instant lastSeen = Instant.parse(devices.getString(mappedView + ".last_seen_at"));
        assertThat(lastSeen).isAfterOrEqualTo(Instant.parse(devices.getString(mappedView + ".created_at")));
    }

    @AfterEach
    void everyCallMatchedTheApiReference() {
        assertThat(contract.violations()).as("calls that do not match the OpenAPI documents").isEmpty();
    }

    /** A caller without credentials (a terminal before it is paired), checked against the API reference. */
    private RequestSpecification anonymous() {
        return given().baseUri(system.gateway).filter(contract);
    }

    /** The terminal asks for its key with its device code: {@code collect} is {@code {"device_code"}}. */
    private Response askForKey(String collect) {
        return anonymous().contentType(ContentType.JSON).body(collect).post("/api/v1/devices/pairing/token");
    }

    /** Keeps the collected key as the reference client keeps its credentials, so it signs the terminal's requests. */
    private Path storeCredentials(String name, JsonPath key) throws IOException {
        Path file = deviceStorage.resolve(name);
        Files.writeString(file, JSON.writeValueAsString(Map.of("device_id", key.getString("device_id"),
                "kid", key.getString("kid"), "secret", key.getString("secret"))));
        return file;
    }

    private JsonPath patchSettings(User trader, ContractTerminal terminal, String settings) {
        Response answer = trader.api().filter(contract).body(settings)
                .patch("/api/v1/devices/" + terminal.deviceId + "/settings");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        return answer.jsonPath();
    }

    /**
     * Waits until device-service has published each device's settings change on devices.lifecycle.v1 and
     * execution-service's consumer group has committed past the last of them.
     */
    private void awaitExecutionServiceApplied(Set<UUID> deviceIds) {
        Map<TopicPartition, Long> lastChanges = new HashMap<>();
        await("device-service announced the settings of " + deviceIds).atMost(Duration.ofSeconds(30)).until(() -> {
            lastChanges.clear();
            Set<String> announced = new HashSet<>();
            for (ConsumerRecord<String, String> record : lifecycle.records()) {
                var type = record.headers().lastHeader("ce_type");
                if (type == null || !EventType.DEVICE_SETTINGS_CHANGED.type()
                        .equals(new String(type.value(), StandardCharsets.UTF_8))) {
                    continue;
                }
                String deviceId = JSON.readTree(record.value()).path("device_id").asText();
                if (deviceIds.contains(UUID.fromString(deviceId))) {
                    announced.add(deviceId);
                    lastChanges.merge(new TopicPartition(record.topic(), record.partition()), record.offset(),
                            Math::max);
                }
            }
            return announced.size() == deviceIds.size();
        });
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.kafkaBootstrapServers()))) {
            await("execution-service applied the settings").atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(EXECUTION_SERVICE_GROUP).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                return lastChanges.entrySet().stream().allMatch(change -> committed.get(change.getKey()) != null
                        && committed.get(change.getKey()).offset() > change.getValue());
            });
        }
    }

    /** Publishes a MARKET BUY of {@code lots} EURUSD at 1.08340 as the upstream Signals API would. */
    private static void publishSignal(UUID signalId, UUID userId, String lots) {
        Instant now = Instant.now();
        TestKafka.publishCloudEvent(EventType.SIGNAL_ISSUED.topic(), userId.toString(), TestKafka.newEventId(),
                EventType.SIGNAL_ISSUED.type(), JSON.createObjectNode()
                        .put("signal_id", signalId.toString()).put("user_id", userId.toString())
                        .put("instrument", "EURUSD").put("side", "BUY").put("order_type", "MARKET")
                        .put("size", lots).put("price", "1.08340").putNull("stop_loss").putNull("take_profit")
                        .put("issued_at", now.toString())
                        .put("expires_at", now.plus(Duration.ofMinutes(10)).toString()).toString());
    }

    private static Map<String, Object> fill(UUID signalId, String tradeId, String lots) {
        return Map.of("signal_id", signalId.toString(), "trade_id", tradeId, "price", "1.08340", "size", lots,
                "filled_at", Instant.now().toString());
    }

    private static void assertProblem(Response answer, int status, String type) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getString("type")).as(answer.asString()).isEqualTo(type);
    }

    private static void assertOutcome(HttpResponse<String> answer, String outcome) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JsonPath.from(answer.body()).getString("outcome")).as(answer.body()).isEqualTo(outcome);
    }

    private static void assertDecimal(String actual, String expected) {
        assertThat(new BigDecimal(actual)).isEqualByComparingTo(new BigDecimal(expected));
    }
}
