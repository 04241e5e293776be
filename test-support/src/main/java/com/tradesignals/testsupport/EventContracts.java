package com.tradesignals.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Checks a record on an event topic against the event contracts shared-contracts packages (schemas/events,
 * docs/events.md): its CloudEvents headers, its type on this topic from this topic's producer, and its data against
 * the type's JSON Schema, with no property the schema does not declare.
 */
public final class EventContracts {

    /**
     * Marks a record a test published itself ({@link TestKafka#publishCloudEvent}): an input, possibly malformed on
     * purpose, not an event a service published.
     */
    public static final String TEST_PUBLISHED_HEADER = "test-published";

    private static final String FOLDER = "schemas/events/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final JsonNode CATALOGUE = read("catalogue.json");
    private static final Schema HEADERS = REGISTRY.getSchema(read(CATALOGUE.get("headers").asText()).toString());
    private static final Map<String, DataContract> DATA_CONTRACTS = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /** Whether records on {@code topic} are events with a contract (not, say, a dead-letter topic). */
    public static boolean isEventTopic(String topic) {
        return CATALOGUE.get("topics").has(topic);
    }

    /** The CloudEvents source of the one producer of the event topic {@code topic}. */
    public static Optional<String> producerOf(String topic) {
        return Optional.ofNullable(CATALOGUE.get("topics").get(topic)).map(contract -> contract.get("source").asText());
    }

    /** What is wrong with a record on the event topic {@code topic}; empty when it keeps its contract. */
    public static List<String> violations(String topic, Headers headers, String value) {
        JsonNode contract = CATALOGUE.get("topics").get(topic);
        if (contract == null) {
            return List.of(topic + " is not an event topic");
        }
        ObjectNode attributes = JSON.createObjectNode();
        for (Header header : headers) {
            attributes.put(header.key(), header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8));
        }
        List<String> violations = new ArrayList<>();
        HEADERS.validate(attributes.toString(), InputFormat.JSON)
                .forEach(error -> violations.add("header " + error.getInstanceLocation() + ": " + error.getMessage()));
        String type = attributes.path("ce_type").asText();
        String source = contract.get("source").asText();
        if (!attributes.path("ce_source").asText().equals(source)) {
            violations.add("ce_source " + attributes.path("ce_source") + " is not the producer of " + topic + ", "
                    + source);
        }
        if (!contract.get("events").has(type)) {
            violations.add("ce_type " + type + " is not published on " + topic);
            return violations;
        }
        DataContract data = DATA_CONTRACTS.computeIfAbsent(type,
                ignored -> DataContract.of(read(contract.get("events").get(type).asText())));
        data.schema().validate(value, InputFormat.JSON)
                .forEach(error -> violations.add(type + " " + error.getInstanceLocation() + ": " + error.getMessage()));
        try {
            JSON.readTree(value).fieldNames().forEachRemaining(field -> {
                if (!data.properties().has(field)) {
                    violations.add(type + " has " + field + ", which its schema does not declare");
                }
            });
        } catch (JsonProcessingException e) {
            violations.add(type + " data is not JSON: " + e.getOriginalMessage());
        }
        return violations;
    }

    private record DataContract(Schema schema, JsonNode properties) {

        static DataContract of(JsonNode schema) {
            return new DataContract(REGISTRY.getSchema(schema.toString()), schema.get("properties"));
        }
    }

    private static JsonNode read(String file) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + file + " is not on the class path (shared-contracts)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
