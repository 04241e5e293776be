package com.tradesignals.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of one OpenAPI document, with every schema they use resolved ({@code $ref} into
 * {@code components/schemas}, siblings of a {@code $ref} overriding the referenced schema, as OpenAPI 3.1 reads them).
 */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** {@code roles}: the scopes of its security requirements ("user", "admin", "device"); empty if it has none. */
    record Operation(String service, String method, String path, List<Parameter> parameters, JsonNode body,
            boolean bodyRequired, Set<String> roles) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** {@code in}: path, query or header. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    private OpenApiOperations() {
    }

    static List<Operation> of(String service, JsonNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> item = items.next();
                if (!METHODS.contains(item.getKey())) {
                    continue;
                }
                JsonNode operation = item.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : concat(path.getValue().path("parameters"), operation.path("parameters"))) {
                    parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                            parameter.path("required").asBoolean(false), resolve(parameter.path("schema"), schemas)));
                }
                JsonNode json = operation.path("requestBody").path("content").path("application/json").path("schema");
                Set<String> roles = new LinkedHashSet<>();
                for (JsonNode requirement : operation.path("security")) {
                    requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText())));
                }
                operations.add(new Operation(service, item.getKey().toUpperCase(), path.getKey(), parameters,
                        json.isMissingNode() ? null : resolve(json, schemas),
                        operation.path("requestBody").path("required").asBoolean(false), roles));
            }
        }
        return operations;
    }

    private static List<JsonNode> concat(JsonNode first, JsonNode second) {
        List<JsonNode> all = new ArrayList<>();
        first.forEach(all::add);
        second.forEach(all::add);
        return all;
    }

    /** The schema with every {@code $ref} in it replaced by what it refers to (the documents have no cycles). */
    static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode resolved;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            resolved = (ObjectNode) resolve(schemas.path(name), schemas).deepCopy();
            schema.fields().forEachRemaining(sibling -> {
                if (!sibling.getKey().equals("$ref")) {
                    resolved.set(sibling.getKey(), resolve(sibling.getValue(), schemas));
                }
            });
            return resolved;
        }
        resolved = schema.deepCopy();
        if (schema.has("properties")) {
            ObjectNode properties = resolved.putObject("properties");
            schema.get("properties").fields().forEachRemaining(property ->
                    properties.set(property.getKey(), resolve(property.getValue(), schemas)));
        }
        if (schema.has("items")) {
            resolved.set("items", resolve(schema.get("items"), schemas));
        }
        return resolved;
    }
}
