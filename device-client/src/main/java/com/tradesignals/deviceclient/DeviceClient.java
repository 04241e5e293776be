package com.tradesignals.deviceclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A reference device: what a MetaTrader Expert Advisor or a copier does, as a command-line program.
 *
 * <pre>
 * dev/device register --token $TOKEN --name "MT5 office PC"   # a user links this device: secret shown once, saved
 * dev/device pair                                              # or: shows a code the user enters in their app;
 *                                                              # the device then fetches its secret itself, saved
 * dev/device poll --after 0 --wait 25                          # long poll for signals; after = last sequence received
 * dev/device ack   --signal SIGNAL_ID
 * dev/device fill  --signal SIGNAL_ID --trade-id T-1001 --price 1.08350 --size 0.50 [--side BUY]   # size in lots
 * dev/device error --signal SIGNAL_ID --code 10019 --message "Not enough money"
 * dev/device placed    --signal SIGNAL_ID --order-id 58210047                  # a pending order rests with the broker
 * dev/device cancelled --signal SIGNAL_ID [--reason "cancelled by signal"]
 * dev/device modified  --signal SIGNAL_ID [--stop-loss 1.08000] [--take-profit 1.09000]
 * dev/device close-fill --signal SIGNAL_ID --ticket D-7781 --lots 0.50 --price 1.08840 [--profit 246.10]
 *                       [--commission -3.50] [--swap -0.42]                      # a closing deal
 * dev/device positions [--position SIGNAL_ID=LOTS,SIGNAL_ID=LOTS]               # the open positions, all of them
 * dev/device status --signal SIGNAL_ID
 * dev/device rotate --token $TOKEN                             # the user rotates this device's key
 * </pre>
 *
 * Options for every command: {@code --api} (default {@code $DEVICE_API} or http://127.0.0.1:8080, the gateway) and
 * {@code --credentials} (default {@code device-credentials.json}: where this device keeps its kid and secret,
 * readable by its owner only). Registration and rotation are user actions (a JWT); pairing needs no credentials
 * (the user approves it in their app); everything else is signed by the device. Each command prints the HTTP status and the JSON answer; the exit code is 0 for 2xx.
 */
public final class DeviceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final Path credentialsFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DeviceClient(URI api, Path credentialsFile) {
        this.api = api;
        this.credentialsFile = credentialsFile;
    }

    /** A closing deal: lots and price, and the terminal's commission, swap and profit where given. */
    private static Map<String, Object> closeFillReport(Map<String, String> options) {
        Map<String, Object> close = new LinkedHashMap<>(Map.of(
                "signal_id", required(options, "signal"),
                "ticket", required(options, "ticket"),
                "lots", required(options, "lots"),
                "price", required(options, "price"),
                "closed_at", options.getOrDefault("closed-at", Instant.now().toString())));
        for (String optional : List.of("commission", "swap", "profit")) {
            if (options.containsKey(optional)) {
                close.put(optional, options.get(optional));
            }
        }
        return close;
    }

    /** The levels now set; an option left out is none. */
    private static Map<String, Object> modifiedReport(Map<String, String> options) {
        Map<String, Object> modified = new LinkedHashMap<>(Map.of("signal_id", required(options, "signal")));
        if (options.containsKey("stop-loss")) {
            modified.put("stop_loss", options.get("stop-loss"));
        }
        if (options.containsKey("take-profit")) {
            modified.put("take_profit", options.get("take-profit"));
        }
        return modified;
    }

    /** {@code --position SIGNAL_ID=LOTS,...}: every open position for a platform signal; none when left out. */
    private static Map<String, Object> positionsReport(Map<String, String> options) {
        String listed = options.getOrDefault("position", "");
        List<Map<String, String>> positions = listed.isBlank() ? List.of() : Arrays.stream(listed.split(","))
                .map(position -> position.split("=", 2))
                .map(parts -> Map.of("signal_id", parts[0].trim(), "lots", parts[1].trim()))
                .toList();
        return Map.of("positions", positions);
    }

    /** A fill report: {@code size} in lots, as the terminal reports volume; {@code side} only if given. */
    private static Map<String, Object> fillReport(Map<String, String> options) {
        Map<String, Object> fill = new LinkedHashMap<>(Map.of(
                "signal_id", required(options, "signal"),
                "trade_id", required(options, "trade-id"),
                "price", required(options, "price"),
                "size", required(options, "size"),
                "filled_at", options.getOrDefault("filled-at", Instant.now().toString())));
        if (options.containsKey("side")) {
            fill.put("side", options.get("side"));
        }
        return fill;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: device-client register|pair|poll|ack|fill|error|placed|cancelled|modified|close-fill|"
                    + "positions|status|rotate [--option value ...]");
            System.exit(2);
        }
        Map<String, String> options = options(List.of(args).subList(1, args.length));
        String api = options.getOrDefault("api", System.getenv().getOrDefault("DEVICE_API", "http://127.0.0.1:8080"));
        DeviceClient client = new DeviceClient(URI.create(api),
                Path.of(options.getOrDefault("credentials", "device-credentials.json")));
        HttpResponse<String> response = switch (args[0]) {
            case "register" -> client.register(required(options, "token"), required(options, "name"));
            case "pair" -> client.pair();
            case "poll" -> client.poll(options.getOrDefault("after", "0"), options.getOrDefault("wait", "25"),
                    options.getOrDefault("limit", "50"));
            case "ack" -> client.report("ack", Map.of("signal_id", required(options, "signal")), options);
            case "fill" -> client.report("fill", fillReport(options), options);
            case "error" -> client.report("error", Map.of(
                    "signal_id", required(options, "signal"),
                    "status_code", Integer.parseInt(required(options, "code")),
                    "message", required(options, "message")), options);
            case "placed" -> client.report("placed", Map.of("signal_id", required(options, "signal"),
                    "broker_order_id", required(options, "order-id")), options);
            case "cancelled" -> client.report("cancelled", options.containsKey("reason")
                    ? Map.of("signal_id", required(options, "signal"), "reason", options.get("reason"))
                    : Map.of("signal_id", required(options, "signal")), options);
            case "modified" -> client.report("modified", modifiedReport(options), options);
            case "close-fill" -> client.report("close-fill", closeFillReport(options), options);
            case "positions" -> client.report("positions", positionsReport(options), options);
            case "status" -> client.signed("GET", "/api/v1/exec/status/" + required(options, "signal"), "", null);
            case "rotate" -> client.rotate(required(options, "token"));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
        System.out.println(response.statusCode() + " " + response.body());
        System.exit(response.statusCode() / 100 == 2 ? 0 : 1);
    }

    /** A user registers this device with their token; the answer holds the secret, shown this once. */
    public HttpResponse<String> register(String userToken, String name) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api.resolve("/api/v1/devices/register"))
                .header("Authorization", "Bearer " + userToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name)))));
        if (response.statusCode() == 201) {
            saveCredentials(JSON.readTree(response.body()));
        }
        return response;
    }

    /**
     * Pairs this device without a user token or a pasted secret (docs/device-service.md "Pairing"): starts a pairing,
     * prints the user code for the user to enter in their app, then asks for the device's key every {@code interval}
     * seconds (5 more after a {@code slow-down}; also through the gateway's rate limit and a service that is briefly
     * unreachable) until it gets it, saved like {@code register}'s, or the pairing is refused or expires. Answers the
     * last response.
     */
    public HttpResponse<String> pair() throws IOException, InterruptedException {
        HttpResponse<String> started = send(HttpRequest.newBuilder(api.resolve("/api/v1/devices/pairing"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (started.statusCode() != 201) {
            return started;
        }
        JsonNode pairing = JSON.readTree(started.body());
        JsonNode verificationUri = pairing.get("verification_uri");
        System.out.println("Enter the code " + pairing.get("user_code").asText() + " in your app"
                + (verificationUri == null ? "" : " (" + verificationUri.asText() + ")") + " within "
                + pairing.get("expires_in").asLong() / 60 + " minutes");
        Duration interval = Duration.ofSeconds(pairing.get("interval").asLong());
        Instant giveUpAt = Instant.now().plusSeconds(pairing.get("expires_in").asLong()).plus(interval);
        String body = JSON.writeValueAsString(Map.of("device_code", pairing.get("device_code").asText()));
        while (true) {
            Thread.sleep(interval.toMillis());
            HttpResponse<String> answer = send(HttpRequest.newBuilder(api.resolve("/api/v1/devices/pairing/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (answer.statusCode() == 200) {
                saveCredentials(JSON.readTree(answer.body()));
                return answer;
            }
            String problem = problemType(answer);
            if (problem.equals("/problems/slow-down")) {
                interval = interval.plusSeconds(5);
            } else if (!List.of("/problems/authorization-pending", "/problems/rate-limited",
                    "/problems/service-unavailable").contains(problem) || Instant.now().isAfter(giveUpAt)) {
                return answer;
            }
        }
    }

    /**
     * Long poll: {@code after} acknowledges every delivery up to that sequence and asks for the next ones; with
     * {@code wait} seconds the server holds the request until a signal arrives. Deliveries not acknowledged
     * are delivered again, so a device that crashes between polls loses nothing. A device has one parked poll:
     * a newer one (from this or another process with the same credentials) answers the older at once with
     * {@code "is_superseded": true} and no deliveries.
     */
    public HttpResponse<String> poll(String after, String waitSeconds, String limit) throws IOException, InterruptedException {
        return signed("GET", "/api/v1/devices/poll", "after=" + after + "&limit=" + limit + "&wait=" + waitSeconds,
                null);
    }

    /** A report on one signal (or the positions snapshot). {@code report_id} is unique per device: resending the same report is safe. */
    public HttpResponse<String> report(String type, Map<String, Object> fields, Map<String, String> options)
            throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("report_id", options.getOrDefault("report-id", type + "-" + UUID.randomUUID()));
        return signed("POST", "/api/v1/exec/" + type, "", JSON.writeValueAsString(body));
    }

    /** The user rotates this device's key: the new secret replaces the saved one; the old one works for a grace period. */
    public HttpResponse<String> rotate(String userToken) throws IOException, InterruptedException {
        JsonNode credentials = JSON.readTree(credentialsFile.toFile());
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        api.resolve("/api/v1/devices/" + credentials.get("device_id").asText() + "/rotate-key"))
                .header("Authorization", "Bearer " + userToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() == 200) {
            saveCredentials(JSON.readTree(response.body()));
        }
        return response;
    }

    /**
     * Every device request: the signature covers method, path, canonical query, body hash, time and a fresh nonce.
     *
     * @param query sent and signed as given: RFC 3986 percent-encoded UTF-8, a space as {@code %20} ({@code +} is a
     *              literal plus); empty for none
     * @param body  sent with its length (a signed chunked or multipart body is refused)
     */
    public HttpResponse<String> signed(String method, String path, String query, String body)
            throws IOException, InterruptedException {
        JsonNode credentials = JSON.readTree(credentialsFile.toFile());
        DeviceRequestSigner signer = new DeviceRequestSigner(DeviceKeyId.parse(credentials.get("kid").asText()),
                credentials.get("secret").asText());
        URI uri = api.resolve(path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", signer.authorization(method, path, query, body))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private static String problemType(HttpResponse<String> response) {
        try {
            JsonNode type = JSON.readTree(response.body()).get("type");
            return type == null ? "" : type.asText();
        } catch (IOException notJson) {
            return "";
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void saveCredentials(JsonNode answer) throws IOException {
        ObjectNode credentials = JSON.createObjectNode()
                .put("device_id", answer.get("device_id").asText())
                .put("kid", answer.get("kid").asText())
                .put("secret", answer.get("secret").asText());
        Files.deleteIfExists(credentialsFile);
        Files.createFile(credentialsFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(credentialsFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(credentials));
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!args.get(i).startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --option value, got " + args.get(i));
            }
            options.put(args.get(i).substring(2), args.get(i + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
