package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.deviceclient.DeviceClient;
import com.tradesignals.e2e.OpenApiOperations.Operation;
import com.tradesignals.e2e.OpenApiOperations.Parameter;
import com.tradesignals.testsupport.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes every operation of the three services' OpenAPI documents through the gateway. The documents drive it:
 * each operation is called with valid requests drawn from its schemas and with one fault at a time (each
 * parameter and each body property replaced by values of every kind, each required property left out, a body
 * that is not JSON, not an object or of another media type), properly authenticated (a user or administrator
 * token as the operation's security scopes say, or a device signature computed over the fuzzed request), and
 * once with no credentials and once with wrong ones.
 * <p>
 * Asserted for every answer: never a 5xx; every error an RFC 9457 problem ({@code application/problem+json} with
 * {@code type}, {@code title} and {@code status}); no request the schema forbids answered 2xx; no credentials and
 * wrong credentials answered 401 (403 for a user's token on an administrator's operation). Random choices follow
 * {@code -Dfuzz.seed} (printed with every failure) so a run can be repeated.
 */
class ApiFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = Long.getLong("fuzz.seed", 1309L);
    private static final int VALID_REQUESTS_PER_OPERATION = 6;
    /** A valid long-poll {@code wait} would park the fuzzer for up to an hour. */
    private static final Map<String, Long> VALID_PARAMETER_CAPS = Map.of("wait", 1L);
    /** Below the gateway's per-device limit ({@link SystemUnderTest#DEVICE_RATE_PER_SECOND}). */
    private static final Duration DEVICE_REQUEST_SPACING = Duration.ofMillis(1000 / 15);
    private static final Pattern UUIDS =
            Pattern.compile("[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}");
    private static final Set<String> SERVICES = Set.of("device-service", "execution-service", "affiliate-service");

    private final SystemUnderTest system = SystemUnderTest.shared();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(SEED);
    private final List<Principal> principals = new ArrayList<>();
    private final User admin = User.admin(system);
    /** Ids the services answered with, so that valid requests also reach existing resources. */
    private final List<String> knownIds = new ArrayList<>();
    private final Map<String, Integer> requestsByOperation = new TreeMap<>();
    private final Map<String, Set<Integer>> statusesByOperation = new TreeMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private int sent;

    @TempDir
    Path deviceStorage;

    /** A user with one linked device, whose key signs the device requests. */
    private record Principal(User user, DeviceRequestSigner signer, long[] nextDeviceRequest) {
    }

    private enum Credentials { PROPER, NONE, WRONG }

    /** One request to send; {@code forbidden} says why the schema forbids it, null if it allows it. */
    private record Fuzzed(Operation operation, Map<String, String> pathValues, Map<String, String> query,
            Map<String, String> headers, String body, String contentType, Credentials credentials, String forbidden,
            String description) {
    }

    @Test
    void everyOperationOfEveryDocumentAnswersGeneratedRequestsWithinItsContract() throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            principals.add(signUpWithDevice(i));
        }
        Map<String, List<Operation>> documents = new LinkedHashMap<>();
        documents.put("device-service", operations("device-service", system.deviceServiceReplica));
        documents.put("execution-service", operations("execution-service", system.executionService.baseUrl()));
        documents.put("affiliate-service", operations("affiliate-service", system.affiliateService.baseUrl()));
        assertThat(documents.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        documents.forEach((service, operations) ->
                assertThat(operations).as("the operations %s's OpenAPI document lists", service).isNotEmpty());

        for (List<Operation> operations : documents.values()) {
            for (Operation operation : operations) {
                for (Fuzzed request : requests(operation)) {
                    send(request);
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("ApiFuzzTest: %d requests, %d operations, seed %d, %d s%n", sent, requestsByOperation.size(),
                SEED, took.toSeconds());
        statusesByOperation.forEach((operation, statuses) -> System.out.printf("  %-70s %4d requests, answered %s%n",
                operation, requestsByOperation.get(operation), statuses));
        documents.values().stream().flatMap(List::stream).forEach(operation ->
                assertThat(requestsByOperation).as("requests sent").containsKey(key(operation)));
        failures.forEach((defect, example) -> System.out.printf("DEFECT %s%n    e.g. %s%n", defect, example));
        assertThat(failures.keySet()).as("defects found with -Dfuzz.seed=" + SEED + " (%d requests; examples above)", sent)
                .isEmpty();
    }

    private List<Operation> operations(String service, String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).as(service + "'s OpenAPI document").isEqualTo(200);
        return OpenApiOperations.of(service, JSON.readTree(document.body()));
    }

    private Principal signUpWithDevice(int index) throws IOException, InterruptedException {
        User user = User.signUp(system);
        Path credentials = deviceStorage.resolve("fuzz-" + index + ".json");
        HttpResponse<String> registered = new DeviceClient(URI.create(system.gateway), credentials)
                .register(user.token(), "fuzz terminal " + index);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode device = JSON.readTree(credentials.toFile());
        knownIds.add(user.id().toString());
        knownIds.add(device.get("device_id").asText());
        return new Principal(user, new DeviceRequestSigner(DeviceKeyId.parse(device.get("kid").asText()),
                device.get("secret").asText()), new long[] { System.nanoTime() });
    }

    /** Valid requests, then one fault at a time, then the credentials' faults. */
    private List<Fuzzed> requests(Operation operation) {
        List<Fuzzed> requests = new ArrayList<>();
        for (int i = 0; i < VALID_REQUESTS_PER_OPERATION; i++) {
            requests.add(valid(operation, "valid"));
        }
        for (Parameter parameter : operation.parameters()) {
            for (Map.Entry<String, String> candidate : parameterCandidates(parameter).entrySet()) {
                Fuzzed base = valid(operation, "");
                JsonNode value = SchemaValues.fromParameterText(parameter.schema(), candidate.getValue());
                // An empty optional query value (?limit=) is read as the parameter left out, as JAX-RS does.
                boolean leftOut = parameter.in().equals("query") && !parameter.required() && candidate.getValue().isEmpty();
                String forbidden = leftOut || SchemaValues.allows(parameter.schema(), value) ? null
                        : parameter.in() + " parameter " + parameter.name() + " = " + candidate.getKey();
                if (forbidden == null && value.isIntegralNumber() && VALID_PARAMETER_CAPS.containsKey(parameter.name())
                        && value.longValue() > VALID_PARAMETER_CAPS.get(parameter.name())) {
                    continue;
                }
                Map<String, String> pathValues = new LinkedHashMap<>(base.pathValues());
                Map<String, String> query = new LinkedHashMap<>(base.query());
                Map<String, String> headers = new LinkedHashMap<>(base.headers());
                switch (parameter.in()) {
                    case "path" -> pathValues.put(parameter.name(), candidate.getValue());
                    case "query" -> query.put(parameter.name(), candidate.getValue());
                    case "header" -> headers.put(parameter.name(), candidate.getValue());
                    default -> {
                        continue;
                    }
                }
                requests.add(new Fuzzed(operation, pathValues, query, headers, base.body(), base.contentType(),
                        Credentials.PROPER, forbidden, parameter.name() + " = " + candidate.getKey()));
            }
            if (!parameter.required() && !parameter.in().equals("path")) {
                Fuzzed base = valid(operation, "");
                Map<String, String> query = new LinkedHashMap<>(base.query());
                Map<String, String> headers = new LinkedHashMap<>(base.headers());
                query.remove(parameter.name());
                headers.remove(parameter.name());
                requests.add(new Fuzzed(operation, base.pathValues(), query, headers, base.body(), base.contentType(),
                        Credentials.PROPER, null, "without " + parameter.name()));
            } else if (parameter.required() && !parameter.in().equals("path")) {
                Fuzzed base = valid(operation, "");
                Map<String, String> query = new LinkedHashMap<>(base.query());
                Map<String, String> headers = new LinkedHashMap<>(base.headers());
                query.remove(parameter.name());
                headers.remove(parameter.name());
                requests.add(new Fuzzed(operation, base.pathValues(), query, headers, base.body(), base.contentType(),
                        Credentials.PROPER, "required " + parameter.name() + " missing", "without " + parameter.name()));
            }
        }
        if (operation.body() != null) {
            requests.addAll(bodyFaults(operation));
        }
        if (!operation.roles().isEmpty()) {
            requests.add(withCredentials(valid(operation, "no credentials"), Credentials.NONE));
            requests.add(withCredentials(valid(operation, "wrong credentials"), Credentials.WRONG));
        }
        return requests;
    }

    private List<Fuzzed> bodyFaults(Operation operation) {
        JsonNode schema = operation.body();
        List<Fuzzed> requests = new ArrayList<>();
        ObjectNode properties = schema.path("properties").isObject() ? (ObjectNode) schema.get("properties")
                : JSON.createObjectNode();
        List<String> required = SchemaValues.required(schema);
        properties.fields().forEachRemaining(property -> {
            boolean isRequired = required.contains(property.getKey());
            SchemaValues.candidates(property.getValue(), isRequired).forEach((what, value) -> {
                ObjectNode body = validBody(operation);
                body.set(property.getKey(), value);
                requests.add(withBody(operation, body.toString(), "application/json",
                        SchemaValues.allows(schema, body) ? null : property.getKey() + " = " + what,
                        property.getKey() + " = " + what));
            });
        });
        for (String name : required) {
            ObjectNode body = validBody(operation);
            body.remove(name);
            requests.add(withBody(operation, body.toString(), "application/json", "required " + name + " missing",
                    "without " + name));
        }
        ObjectNode extra = validBody(operation);
        extra.put("unexpected_property", "x");
        requests.add(withBody(operation, extra.toString(), "application/json",
                SchemaValues.allows(schema, extra) ? null : "an unknown property", "an unknown property"));
        for (String notAnObject : new String[] { "null", "[]", "\"text\"", "42", "{", "{\"a\":", "not json", "" }) {
            JsonNode parsed = parseOrNull(notAnObject);
            boolean allowed = parsed != null && SchemaValues.allows(schema, parsed);
            requests.add(withBody(operation, notAnObject, "application/json",
                    allowed ? null : "body " + notAnObject, "body " + (notAnObject.isEmpty() ? "empty" : notAnObject)));
        }
        requests.add(withBody(operation, validBody(operation).toString(), "text/plain", "a text/plain body",
                "a text/plain body"));
        if (operation.bodyRequired()) {
            requests.add(withBody(operation, null, null, "no body", "no body"));
        }
        return requests;
    }

    private static JsonNode parseOrNull(String text) {
        try {
            return text.isEmpty() ? null : JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private ObjectNode validBody(Operation operation) {
        JsonNode body = SchemaValues.valid(operation.body(), random, null);
        return body.isObject() ? (ObjectNode) body : JSON.createObjectNode();
    }

    private Fuzzed withBody(Operation operation, String body, String contentType, String forbidden, String description) {
        Fuzzed base = valid(operation, description);
        return new Fuzzed(operation, base.pathValues(), base.query(), base.headers(), body, contentType,
                Credentials.PROPER, forbidden, description);
    }

    private static Fuzzed withCredentials(Fuzzed request, Credentials credentials) {
        return new Fuzzed(request.operation(), request.pathValues(), request.query(), request.headers(), request.body(),
                request.contentType(), credentials, null, request.description());
    }

    private Fuzzed valid(Operation operation, String description) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters()) {
            if (!parameter.required() && random.nextInt(3) == 0) {
                continue;
            }
            String value;
            if (parameter.schema().path("format").asText("").equals("uuid") && !knownIds.isEmpty() && random.nextBoolean()) {
                value = knownIds.get(random.nextInt(knownIds.size()));
            } else {
                JsonNode drawn = SchemaValues.valid(parameter.schema(), random, VALID_PARAMETER_CAPS.get(parameter.name()));
                value = drawn.isTextual() ? drawn.asText() : drawn.toString();
            }
            switch (parameter.in()) {
                case "path" -> pathValues.put(parameter.name(), value);
                case "query" -> query.put(parameter.name(), value);
                case "header" -> headers.put(parameter.name(), value);
                default -> {
                }
            }
        }
        String body = operation.body() == null ? null : SchemaValues.valid(operation.body(), random, null).toString();
        return new Fuzzed(operation, pathValues, query, headers, body, body == null ? null : "application/json",
                Credentials.PROPER, null, description);
    }

    private static Map<String, String> parameterCandidates(Parameter parameter) {
        Map<String, String> candidates = new LinkedHashMap<>();
        SchemaValues.candidates(parameter.schema(), parameter.required()).forEach((what, value) -> {
            if (value.isValueNode() && !value.isNull()) {
                String text = value.isTextual() ? value.asText() : value.toString();
                // An empty path segment is another route; a header cannot carry controls or non-ASCII.
                boolean sendable = switch (parameter.in()) {
                    case "path" -> !text.isEmpty() && !text.equals("../..");
                    case "header" -> text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
                    default -> true;
                };
                if (sendable) {
                    candidates.put(what, text);
                }
            }
        });
        return candidates;
    }

    private void send(Fuzzed request) throws InterruptedException {
        Operation operation = request.operation();
        StringBuilder path = new StringBuilder();
        Matcher template = Pattern.compile("\\{([^}]+)}").matcher(operation.path());
        while (template.find()) {
            template.appendReplacement(path, Matcher.quoteReplacement(encode(request.pathValues().get(template.group(1)))));
        }
        template.appendTail(path);
        StringBuilder query = new StringBuilder();
        request.query().forEach((name, value) ->
                query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value)));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(system.gateway + path
                        + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(15))
                .method(operation.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(builder::header);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        Principal principal = principals.get(sent % principals.size());
        Set<String> roles = operation.roles();
        boolean asDevice = roles.contains("device") && (!roles.contains("user") || sent % 2 == 0);
        if (request.credentials() != Credentials.NONE && !roles.isEmpty()) {
            boolean wrong = request.credentials() == Credentials.WRONG;
            if (asDevice) {
                DeviceRequestSigner signer = wrong ? new DeviceRequestSigner(principal.signer().keyId(),
                        HexFormat.of().formatHex(new byte[32])) : principal.signer();
                builder.header("Authorization", signer.authorization(operation.method(), path.toString(),
                        query.toString(), request.body()));
                awaitDeviceRate(principal);
            } else if (roles.contains("admin")) {
                builder.header("Authorization", "Bearer " + (wrong ? principal.user().token() : admin.token()));
            } else {
                builder.header("Authorization", "Bearer "
                        + (wrong ? TestTokens.forgedUser(principal.user().id()) : principal.user().token()));
            }
        }
        String shown = operation.service() + " " + operation.method() + " " + path + (query.isEmpty() ? "" : "?" + query)
                + " [" + request.description() + (request.credentials() == Credentials.PROPER ? "" : ", "
                + request.credentials().name().toLowerCase() + " credentials") + "]"
                + (request.body() == null ? "" : " body " + abbreviate(request.body(), 200));
        sent++;
        requestsByOperation.merge(key(operation), 1, Integer::sum);
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            failures.putIfAbsent(key(operation) + " [" + request.description() + "]: no answer within 15 s", shown);
            return;
        } catch (IOException e) {
            failures.putIfAbsent(key(operation) + " [" + request.description() + "]: connection failed", shown + " " + e);
            return;
        }
        statusesByOperation.computeIfAbsent(key(operation), key -> new java.util.TreeSet<>()).add(response.statusCode());
        String problem = check(request, response, asDevice, roles);
        if (problem != null) {
            failures.putIfAbsent(key(operation) + " [" + request.description() + "]: " + problem, shown + " -> "
                    + response.statusCode() + " "
                    + response.headers().firstValue("Content-Type").orElse("(no Content-Type)") + " "
                    + abbreviate(response.body(), 300));
        } else if (response.statusCode() / 100 == 2) {
            Matcher ids = UUIDS.matcher(response.body());
            while (ids.find() && knownIds.size() < 500) {
                knownIds.add(ids.group());
            }
        }
    }

    /** What is wrong with the answer, or null. */
    private static String check(Fuzzed request, HttpResponse<String> response, boolean asDevice, Set<String> roles) {
        int status = response.statusCode();
        if (status >= 500) {
            return "a server error";
        }
        if (status >= 400) {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (!contentType.startsWith("application/problem+json")) {
                return "an error that is not a problem";
            }
            try {
                JsonNode problem = JSON.readTree(response.body());
                if (!problem.path("type").isTextual() || problem.path("type").asText().isBlank()
                        || !problem.path("title").isTextual() || problem.path("status").asInt() != status
                        || problem.has("detail") && !problem.get("detail").isTextual()) {
                    return "a problem without type, title or its status";
                }
            } catch (IOException e) {
                return "a problem that is not JSON";
            }
        }
        if (request.credentials() == Credentials.NONE && status != 401) {
            return "no credentials not answered 401";
        }
        if (request.credentials() == Credentials.WRONG) {
            int expected = !asDevice && roles.contains("admin") ? 403 : 401;
            if (status != expected) {
                return "wrong credentials not answered " + expected;
            }
        }
        if (request.forbidden() != null && status / 100 == 2) {
            return "accepted although the schema forbids " + request.forbidden();
        }
        return null;
    }

    private static void awaitDeviceRate(Principal principal) {
        long wait = principal.nextDeviceRequest()[0] - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        principal.nextDeviceRequest()[0] = System.nanoTime() + DEVICE_REQUEST_SPACING.toNanos();
    }

    private static String key(Operation operation) {
        return operation.service() + " " + operation;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text, int length) {
        String oneLine = text.replace("\n", " ");
        return oneLine.length() <= length ? oneLine : oneLine.substring(0, length) + "…(" + text.length() + " chars)";
    }
}
