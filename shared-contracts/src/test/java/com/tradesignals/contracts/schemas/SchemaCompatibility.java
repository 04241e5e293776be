package com.tradesignals.contracts.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a new version of an event's schema still accepts what the released one accepted, so that a consumer
 * built on the released schema keeps reading what producers write. Refused: removing a property, making a property
 * required that was not, narrowing a property's type, format, pattern, enumeration or array items, closing the
 * object to other properties. Adding an optional property is compatible.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** What {@code current} breaks of {@code released}; empty when it is compatible. */
    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> changes = new ArrayList<>();
        JsonNode releasedProperties = released.path("properties");
        JsonNode currentProperties = current.path("properties");
        releasedProperties.properties().forEach(property -> {
            JsonNode now = currentProperties.get(property.getKey());
            if (now == null) {
                changes.add(property.getKey() + ": removed");
            } else {
                compareValue(property.getKey(), property.getValue(), now, changes);
            }
        });
        Set<String> wasRequired = names(released.path("required"));
        for (String name : names(current.path("required"))) {
            if (!wasRequired.contains(name)) {
                changes.add(name + ": now required");
            }
        }
        if (current.path("additionalProperties").isBoolean() && !current.path("additionalProperties").asBoolean()
                && !released.path("additionalProperties").isBoolean()) {
            changes.add("additionalProperties: now false");
        }
        return changes;
    }

    private static void compareValue(String path, JsonNode released, JsonNode current, List<String> changes) {
        Set<String> releasedTypes = names(released.path("type"));
        Set<String> currentTypes = names(current.path("type"));
        if (!currentTypes.isEmpty() && !currentTypes.containsAll(releasedTypes)) {
            changes.add(path + ": type " + releasedTypes + " narrowed to " + currentTypes);
        }
        for (String keyword : List.of("format", "pattern", "const")) {
            if (current.has(keyword) && !current.get(keyword).equals(released.get(keyword))) {
                changes.add(path + ": " + keyword + " " + released.get(keyword) + " changed to " + current.get(keyword));
            }
        }
        if (current.has("enum")) {
            Set<JsonNode> allowed = new HashSet<>();
            current.get("enum").forEach(allowed::add);
            if (!released.has("enum")) {
                changes.add(path + ": enum added");
            } else {
                released.get("enum").forEach(value -> {
                    if (!allowed.contains(value)) {
                        changes.add(path + ": enum value " + value + " removed");
                    }
                });
            }
        }
        if (released.has("items") && current.has("items")) {
            compareValue(path + "[]", released.get("items"), current.get("items"), changes);
        } else if (current.has("items")) {
            changes.add(path + ": items constrained");
        }
    }

    /** A keyword that is a name or a list of names, as a set. */
    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        if (node.isTextual()) {
            names.add(node.asText());
        } else {
            node.forEach(name -> names.add(name.asText()));
        }
        return names;
    }
}
