import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.deviceclient.DeviceClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The product's story on the stack dev/up runs, through the gateway, step by step: run by dev/demo.
 * Alice refers Bob, Bob refers Carol; Carol's terminal receives a signal, fills it in two parts (sizes are lots); her
 * first fill qualifies her referral; Bob and Alice earn commissions per lot; a fill at an implausible price is
 * flagged, earns nothing, and an administrator rejects it; Bob sets a payout method and is paid out; Carol unlinks
 * the terminal; an admin busts a fill.
 */
public class Demo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String gateway;
    private static Path root;
    private static int step;

    public static void main(String[] args) throws Exception {
        gateway = args[0];
        String kafka = args[1];
        root = Path.of(args[2]);
        String alice = UUID.randomUUID().toString(), bob = UUID.randomUUID().toString(), carol = UUID.randomUUID().toString();
        String aliceToken = token(alice, "user"), bobToken = token(bob, "user"), carolToken = token(carol, "user");

        say("Alice, Bob and Carol sign up (user ids " + shortId(alice) + ", " + shortId(bob) + ", " + shortId(carol) + ")");
        JsonNode aliceAffiliate = call("POST", "/api/v1/affiliates/register", aliceToken, null, null);
        show("Alice joins the affiliate programme; her link", aliceAffiliate.get("referral_link").asText());
        call("POST", "/api/v1/affiliates/referrals", bobToken, Map.of("token", aliceAffiliate.get("referral_token").asText()), null);
        JsonNode bobAffiliate = call("POST", "/api/v1/affiliates/register", bobToken, null, null);
        show("Bob signs up with Alice's link and joins too; his link", bobAffiliate.get("referral_link").asText());
        call("POST", "/api/v1/affiliates/referrals", carolToken, Map.of("token", bobAffiliate.get("referral_token").asText()), null);
        show("Carol signs up with Bob's link", "referral pending until her first fill");

        Path credentials = Files.createTempFile("demo-device", ".json");
        Files.delete(credentials);
        DeviceClient terminal = new DeviceClient(URI.create(gateway), credentials);
        JsonNode device = JSON.readTree(expect(terminal.register(carolToken, "Carol's MT5"), 201).body());
        show("Carol links her MT5 terminal", "device " + shortId(device.get("device_id").asText()) + ", kid "
                + device.get("kid").asText() + ", secret shown once: " + device.get("secret").asText().substring(0, 8) + "...");

        CompletableFuture<HttpResponse<String>> parked = CompletableFuture.supplyAsync(() -> unchecked(() -> terminal.poll("0", "25", "10")));
        show("Carol's terminal long-polls", "GET /api/v1/devices/poll?after=0&wait=25, parked on the server");
        String signalId = UUID.randomUUID().toString();
        Instant sent = Instant.now();
        publishSignal(kafka, signalId, carol, "1.00");
        show("The Signals API publishes a signal for Carol", "BUY 1.00 lot EURUSD @ 1.08345 (signal " + shortId(signalId) + ")");
        HttpResponse<String> delivery = expect(parked.get(30, TimeUnit.SECONDS), 200);
        show("The parked poll answers", "after " + Duration.between(sent, Instant.now()).toMillis() + " ms: "
                + JSON.readTree(delivery.body()).get("deliveries").get(0).get("instrument").asText());

        eventually("The terminal acknowledges the signal", () -> JSON.readTree(unchecked(() -> terminal.report("ack",
                Map.of("signal_id", signalId), Map.of())).body()), answer -> !answer.has("status") || answer.get("status").asInt() < 400);
        expect(terminal.report("fill", fill(signalId, "T-1", "1.08350", "0.40"), Map.of()), 200);
        show("The broker fills 0.40 lot @ 1.08350", "ticket T-1");
        expect(terminal.report("fill", fill(signalId, "T-2", "1.08360", "0.60"), Map.of()), 200);
        show("The broker fills 0.60 lot @ 1.08360", "ticket T-2");
        JsonNode execution = JSON.readTree(expect(terminal.signed("GET", "/api/v1/exec/status/" + signalId, "", null), 200).body())
                .get("executions").get(0);
        show("Execution status", execution.get("state").asText() + ", filled " + execution.get("cumulative_size").asText()
                + ", average price " + execution.get("average_price").asText() + ", slippage " + execution.get("slippage").asText());

        eventually("Carol's first fill qualifies her referral", () -> call("GET", "/api/v1/affiliates/referrals", bobToken, null, null),
                referrals -> referrals.toString().contains("ACTIVATED"));
        eventually("Bob (level 1) earns 20 % of 10.00 per lot: 0.80 + 1.20", () -> call("GET", "/api/v1/affiliates/balances", bobToken, null, null),
                balances -> new java.math.BigDecimal(balances.get("earned").asText()).compareTo(new java.math.BigDecimal("2.00")) == 0);
        show("Alice's balances (level 2, 5 %: 0.20 + 0.30)", call("GET", "/api/v1/affiliates/balances", aliceToken, null, null).toString());

        String gold = UUID.randomUUID().toString();
        publishSignal(kafka, gold, carol, "XAUUSD", "0.10", "2650.00");
        String bitcoin = UUID.randomUUID().toString();
        publishSignal(kafka, bitcoin, carol, "BTCUSD", "0.05", "96900");
        for (String[] trade : new String[][] { { gold, "G-1", "2650.40", "0.10", "XAUUSD" }, { bitcoin, "B-1", "96950", "0.05", "BTCUSD" } }) {
            eventually("Carol's terminal receives " + trade[3] + " lot " + trade[4], () -> JSON.readTree(unchecked(() -> terminal.report("ack",
                    Map.of("signal_id", trade[0]), Map.of())).body()), answer -> answer.path("execution").isObject());
            JsonNode filled = JSON.readTree(expect(terminal.report("fill", fill(trade[0], trade[1], trade[2], trade[3]), Map.of()), 200).body());
            show("and fills it at " + trade[2], filled.get("outcome").asText());
        }
        eventually("Bob earns 20 % of 15.00 per lot of gold (0.30) and of 0.001 of the bitcoin notional 4,847.50 (0.9695)",
                () -> call("GET", "/api/v1/affiliates/balances", bobToken, null, null),
                balances -> new java.math.BigDecimal(balances.get("earned").asText()).compareTo(new java.math.BigDecimal("3.2695")) == 0);

        String implausible = UUID.randomUUID().toString();
        publishSignal(kafka, implausible, carol, "0.50");
        eventually("A signal of 0.50 lot EURUSD reaches execution-service", () -> JSON.readTree(unchecked(() -> terminal.report("ack",
                Map.of("signal_id", implausible), Map.of())).body()), answer -> answer.path("execution").isObject());
        JsonNode flagged = JSON.readTree(expect(terminal.report("fill", fill(implausible, "T-3", "999999999.99999999", "0.50"), Map.of()), 200).body());
        show("The terminal reports a fill at 999999999.99999999", flagged.get("outcome").asText() + ": stored, flagged, earns nothing");
        String admin = token(UUID.randomUUID().toString(), "user", "admin");
        for (JsonNode waiting : call("GET", "/api/v1/exec/admin/fills/review?status=FLAGGED&limit=200", admin, null, null).get("items")) {
            if (waiting.get("fill_id").equals(flagged.get("fill_id"))) {
                show("The review queue (admin) lists it", waiting.get("reason").asText() + ", signal price "
                        + waiting.get("signal_price").asText() + ", reported " + waiting.get("price").asText());
            }
        }
        JsonNode rejected = call("POST", "/api/v1/exec/admin/fills/" + flagged.get("fill_id").asText() + "/reject", admin,
                Map.of("reason", "no such price on the market"), null);
        show("The administrator rejects it", rejected.get("status").asText() + ": it never counts");

        JsonNode method = call("PUT", "/api/v1/affiliates/payout-method", bobToken,
                Map.of("type", "BANK_TRANSFER", "iban", "GB82 WEST 1234 5698 7654 32", "holder_name", "Bob"), null);
        show("Bob sets where payouts go (answered masked)", method.get("type").asText() + " " + method.get("iban").asText());
        JsonNode payout = call("POST", "/api/v1/affiliates/payout", bobToken, Map.of("amount", "1.50"), "demo-" + bob);
        show("Bob requests a payout of 1.50", "payout " + shortId(payout.get("payout_id").asText()) + " " + payout.get("status").asText());
        eventually("The payout job pays Bob", () -> call("GET", "/api/v1/affiliates/payouts/" + payout.get("payout_id").asText(), bobToken, null, null),
                view -> "COMPLETED".equals(view.get("status").asText()));
        show("Bob's balances", call("GET", "/api/v1/affiliates/balances", bobToken, null, null).toString());

        call("DELETE", "/api/v1/devices/" + device.get("device_id").asText(), carolToken, null, null);
        show("Carol unlinks the terminal; its next poll answers", terminal.poll("2", "0", "10").statusCode() + "");

        String fillId = execution.get("fills").get(0).get("fill_id").asText();
        JsonNode bust = call("POST", "/api/v1/exec/admin/fills/" + fillId + "/bust", admin,
                Map.of("reason", "broker cancelled ticket T-1"), null);
        show("An administrator busts the fill of ticket T-1", bust.toString());
        eventually("Bob's commission on it is clawed back", () -> call("GET", "/api/v1/affiliates/balances", bobToken, null, null),
                balances -> new java.math.BigDecimal(balances.get("clawed_back").asText()).signum() != 0);
        show("Alice's balances", call("GET", "/api/v1/affiliates/balances", aliceToken, null, null).toString());
        System.out.println("\nDone: the story ran end to end through the gateway at " + gateway + ".");
    }

    private static JsonNode call(String method, String path, String token, Map<String, ?> body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T unchecked(Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks until the answer satisfies the condition: the services catch up with each other through Kafka. */
    private static void eventually(String what, Call<JsonNode> call, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = call.run();
                if (condition.test(last)) {
                    show(what, last.toString());
                    return;
                }
            } catch (IllegalStateException notYet) {
                last = JSON.createObjectNode().put("error", notYet.getMessage());
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(what + ": not after 60 s; last answer " + last);
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static Map<String, Object> fill(String signalId, String tradeId, String price, String size) {
        return Map.of("signal_id", signalId, "trade_id", tradeId, "price", price, "size", size, "filled_at", Instant.now().toString());
    }

    private static void publishSignal(String bootstrap, String signalId, String user, String lots) throws Exception {
        publishSignal(bootstrap, signalId, user, "EURUSD", lots, "1.08345");
    }

    private static void publishSignal(String bootstrap, String signalId, String user, String instrument, String lots,
            String price) throws Exception {
        Instant now = Instant.now();
        String data = JSON.createObjectNode().put("signal_id", signalId).put("user_id", user).put("instrument", instrument)
                .put("side", "BUY").put("order_type", "MARKET").put("size", lots).put("price", price)
                .put("issued_at", now.toString()).put("expires_at", now.plusSeconds(600).toString()).toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("signals.v1", user, data);
            for (String[] header : new String[][] { { "ce_specversion", "1.0" }, { "ce_id", UUID.randomUUID().toString() },
                    { "ce_type", "signal.issued.v1" }, { "ce_source", "signals-api" }, { "ce_time", now.toString() },
                    { "content-type", "application/json" } }) {
                record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    private static String token(String user, String... roles) throws Exception {
        String[] command = new String[roles.length + 2];
        command[0] = root.resolve("dev/token").toString();
        command[1] = user;
        System.arraycopy(roles, 0, command, 2, roles.length);
        Process process = new ProcessBuilder(command).start();
        String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("dev/token failed");
        }
        return token;
    }

    private static void say(String text) {
        System.out.printf("%n%2d. %s%n", ++step, text);
    }

    private static void show(String what, String result) {
        say(what);
        System.out.println("    -> " + result);
    }

    private static String shortId(String id) {
        return id.substring(0, 8);
    }
}
