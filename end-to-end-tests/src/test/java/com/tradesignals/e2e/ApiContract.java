package com.tradesignals.e2e;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three services' OpenAPI documents, read through the gateway's API reference (/docs/&lt;service&gt;/openapi), as
 * a validator of real traffic: the path and method must be documented, each query parameter and the request body
 * must match their schemas, the status must be documented and the answer's content type and body must match its
 * schema. The documents are OpenAPI 3.1, whose schemas are JSON Schema 2020-12, so they are validated as they are.
 * As a RestAssured filter it checks every call; {@link #check(HttpResponse, String)} checks a device's calls. The
 * violations are collected, once each, so that a test asserting {@link #violations()} empty names every mismatch of
 * a run at once.
 */
final class ApiContract implements Filter {

    static final List<String> SERVICES = List.of("device-service", "execution-service", "affiliate-service");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]+}");

    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final List<Route> routes = new ArrayList<>();
    private final Set<String> violations = Collections.synchronizedSet(new LinkedHashSet<>());

    private record Route(String template, Pattern pattern, JsonNode item, JsonNode document, int templated) {
    }

    private ApiContract(List<JsonNode> documents) {
        for (JsonNode document : documents) {
            for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
                String template = path.getKey();
                Matcher names = TEMPLATE.matcher(template);
                int templated = (int) names.results().count();
                Pattern pattern = Pattern.compile("^" + TEMPLATE.matcher(Pattern.quote(template))
                        .replaceAll("\\\\E([^/]+)\\\\Q") + "$");
                routes.add(new Route(template, pattern, path.getValue(), document, templated));
            }
        }
        routes.sort(Comparator.comparingInt(Route::templated));
    }

    /** Reads the three documents from the gateway's API reference. */
    static ApiContract fromGateway(String gateway) {
        HttpClient client = HttpClient.newHttpClient();
        List<JsonNode> documents = new ArrayList<>();
        for (String service : SERVICES) {
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                        URI.create(gateway + "/docs/" + service + "/openapi?format=json")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(service + "'s OpenAPI document answered " + answer.statusCode());
                }
                documents.add(JSON.readTree(answer.body()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new ApiContract(documents);
    }

    List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
            FilterContext context) {
        Response response = context.next(request, expected);
        Object body = request.getBody();
        verify(request.getMethod(), URI.create(request.getURI()), body == null ? null : body.toString(),
                response.statusCode(), response.contentType(), response.asString());
        return response;
    }

    /** Checks a call made with java.net.http (the device client): {@code requestBody} as sent, or null. */
    void check(HttpResponse<String> response, String requestBody) {
        verify(response.request().method(), response.request().uri(), requestBody, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private void verify(String method, URI uri, String requestBody, int status, String contentType, String body) {
        List<String> found = violationsOf(method.toLowerCase(), uri, requestBody, status, contentType, body);
        String call = method + " " + uri.getRawPath() + " → " + status + ": ";
        found.stream().map(call::concat).forEach(violations::add);
    }

    private List<String> violationsOf(String method, URI uri, String requestBody, int status, String contentType,
            String body) {
        String path = uri.getRawPath();
        Optional<Route> route = routes.stream().filter(candidate -> candidate.pattern().matcher(path).matches())
                .filter(candidate -> candidate.item().has(method)).findFirst();
        if (route.isEmpty()) {
            return List.of("the path and method are not documented");
        }
        JsonNode document = route.get().document();
        JsonNode operation = route.get().item().get(method);
        List<String> found = new ArrayList<>();
        parameters(document, operation, route.get(), path, uri.getRawQuery(), found);
        JsonNode requestBodyDoc = operation.get("requestBody");
        if (requestBody != null && !requestBody.isEmpty()) {
            if (requestBodyDoc == null) {
                found.add("a request body is sent but none is documented");
            } else {
                JsonNode schema = requestBodyDoc.path("content").path("application/json").get("schema");
                validate(document, schema, JSON.readTree(requestBody), "request body", found);
            }
        } else if (requestBodyDoc != null && requestBodyDoc.path("required").asBoolean(false)) {
            found.add("the documented request body is required but none is sent");
        }
        JsonNode answer = operation.path("responses").get(Integer.toString(status));
        if (answer == null) {
            answer = operation.path("responses").get(status / 100 + "XX");
        }
        if (answer == null) {
            found.add("status " + status + " is not documented");
            return found;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        JsonNode content = answer.get("content");
        if (body == null || body.isEmpty()) {
            if (content != null && !content.isEmpty()) {
                found.add("the answer has no body but " + content.propertyNames() + " is documented");
            }
        } else if (content == null || !content.has(mediaType)) {
            found.add("content type " + mediaType + " is not documented for " + status);
        } else if (mediaType.endsWith("json")) {
            validate(document, content.get(mediaType).get("schema"), JSON.readTree(body), "answer body", found);
        }
        return found;
    }

    private void parameters(JsonNode document, JsonNode operation, Route route, String path, String rawQuery,
            List<String> found) {
        List<JsonNode> parameters = new ArrayList<>();
        route.item().path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        Matcher values = route.pattern().matcher(path);
        values.matches();
        List<String> names = TEMPLATE.matcher(route.template()).results()
                .map(name -> name.group().substring(1, name.group().length() - 1)).toList();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<JsonNode> parameter = parameters.stream()
                    .filter(p -> "path".equals(p.path("in").asString()) && name.equals(p.path("name").asString()))
                    .findFirst();
            if (parameter.isEmpty()) {
                found.add("path parameter " + name + " is not documented");
            } else {
                validateParameter(document, parameter.get(), decode(values.group(i + 1)), found);
            }
        }
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            String name = decode(nameAndValue[0]);
            String value = nameAndValue.length > 1 ? decode(nameAndValue[1]) : "";
            Optional<JsonNode> parameter = parameters.stream()
                    .filter(p -> "query".equals(p.path("in").asString()) && name.equals(p.path("name").asString()))
                    .findFirst();
            if (parameter.isEmpty()) {
                found.add("query parameter " + name + " is not documented");
            } else {
                validateParameter(document, parameter.get(), value, found);
            }
        }
    }

    private void validateParameter(JsonNode document, JsonNode parameter, String value, List<String> found) {
        JsonNode schema = parameter.get("schema");
        JsonNode typed = JSON.getNodeFactory().stringNode(value);
        String type = schema == null ? "" : schema.path("type").asString("");
        try {
            if (type.equals("integer")) {
                typed = JSON.getNodeFactory().numberNode(Long.parseLong(value));
            } else if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
                typed = JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(value));
            }
        } catch (NumberFormatException notANumber) {
            // validated as the text it is: the schema's type rejects it
        }
        validate(document, schema, typed, "parameter " + parameter.path("name").asString(), found);
    }

    private void validate(JsonNode document, JsonNode schema, JsonNode instance, String what, List<String> found) {
        if (schema == null) {
            found.add(what + " has no documented schema");
            return;
        }
        // The schema with the document's components beside it, so that its "#/components/..." references resolve.
        ObjectNode root = JSON.createObjectNode();
        root.setAll((ObjectNode) schema.deepCopy());
        root.set("components", document.get("components"));
        List<Error> errors = schemas.getSchema(root).validate(instance);
        errors.forEach(error -> found.add(what + " at " + error.getInstanceLocation() + ": " + error.getMessage()));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
