package com.tradesignals.contracts.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.Nullable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The JSON Schema (draft 2020-12) an event record implies, as Jackson writes it: snake_case names, decimals as plain
 * strings (docs/decisions/0004), instants as RFC 3339 text. A {@link Nullable} component may be null or absent; every
 * other one is required and never null. Only the structure is generated; the committed schemas add descriptions.
 */
final class RecordSchemas {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    static final String DECIMAL = "^-?[0-9]+(\\.[0-9]+)?$";

    /** The keywords that decide what an instance may be; the others (descriptions, examples) only explain. */
    private static final Set<String> STRUCTURE = Set.of("type", "format", "pattern", "enum", "items", "properties",
            "required", "additionalProperties", "const");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private RecordSchemas() {
    }

    static String fileName(EventType type) {
        return type.type() + ".schema.json";
    }

    static String id(EventType type) {
        return "urn:tradesignals:schema:event:" + type.type();
    }

    static ObjectNode generate(EventType type) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", id(type));
        schema.put("title", type.dataClass().getSimpleName());
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent component : type.dataClass().getRecordComponents()) {
            String name = SNAKE_CASE.translate(component.getName());
            boolean isNullable = component.isAnnotationPresent(Nullable.class);
            properties.set(name, property(component.getGenericType(), isNullable));
            if (!isNullable) {
                required.add(name);
            }
        }
        schema.set("required", required);
        return schema;
    }

    private static ObjectNode property(Type type, boolean isNullable) {
        ObjectNode property = NODES.objectNode();
        if (type == UUID.class) {
            type(property, "string", isNullable).put("format", "uuid");
        } else if (type == String.class) {
            type(property, "string", isNullable);
        } else if (type == BigDecimal.class) {
            type(property, "string", isNullable).put("pattern", DECIMAL);
        } else if (type == Instant.class) {
            type(property, "string", isNullable).put("format", "date-time");
        } else if (type == int.class || type == long.class) {
            type(property, "integer", false);
        } else if (type == Integer.class || type == Long.class) {
            type(property, "integer", isNullable);
        } else if (type == boolean.class) {
            type(property, "boolean", false);
        } else if (type instanceof Class<?> enumType && enumType.isEnum()) {
            type(property, "string", isNullable);
            ArrayNode values = property.putArray("enum");
            for (Object constant : enumType.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            if (isNullable) {
                values.addNull();
            }
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            type(property, "array", isNullable).set("items", property(list.getActualTypeArguments()[0], false));
        } else {
            throw new IllegalArgumentException("no JSON Schema mapping for " + type.getTypeName());
        }
        return property;
    }

    private static ObjectNode type(ObjectNode property, String type, boolean isNullable) {
        if (isNullable) {
            property.putArray("type").add(type).add("null");
        } else {
            property.put("type", type);
        }
        return property;
    }

    /**
     * The schema without its explanatory keywords, {@code required} sorted: two schemas with the same structure
     * accept the same instances.
     */
    static JsonNode structure(JsonNode schema) {
        if (schema.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            schema.forEach(element -> copy.add(structure(element)));
            return copy;
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = NODES.objectNode();
        schema.properties().forEach(entry -> {
            if (entry.getKey().equals("required")) {
                TreeSet<String> sorted = new TreeSet<>();
                entry.getValue().forEach(name -> sorted.add(name.asText()));
                ArrayNode names = copy.putArray("required");
                sorted.forEach(names::add);
            } else if (entry.getKey().equals("properties")) {
                ObjectNode properties = copy.putObject("properties");
                entry.getValue().properties().forEach(property ->
                        properties.set(property.getKey(), structure(property.getValue())));
            } else if (STRUCTURE.contains(entry.getKey())) {
                copy.set(entry.getKey(), structure(entry.getValue()));
            }
        });
        return copy;
    }
}
