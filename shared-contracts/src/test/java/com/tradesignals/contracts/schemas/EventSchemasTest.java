package com.tradesignals.contracts.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.tradesignals.contracts.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The event contracts in src/main/resources/schemas/events (packaged in the jar, docs/events.md) agree with the
 * records, accept the golden samples, and stay compatible with the released version in
 * src/test/resources/released-schemas/v1. After changing a record, {@code -Dcontracts.write-schemas=true} rewrites
 * the committed schemas from the records, keeping their descriptions.
 */
class EventSchemasTest {

    private static final String SCHEMAS = "schemas/events/";
    private static final String RELEASED = "released-schemas/v1/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    @Test
    void everyEventTypesCommittedSchemaHasTheStructureOfItsRecord() throws IOException {
        if (Boolean.getBoolean("contracts.write-schemas")) {
            writeSchemasFromRecords();
        }
        for (EventType type : EventType.values()) {
            JsonNode committed = read(SCHEMAS + RecordSchemas.fileName(type));
            assertThat(committed.path("$schema").asText()).as(type.type()).isEqualTo(RecordSchemas.DIALECT);
            assertThat(committed.path("$id").asText()).as(type.type()).isEqualTo(RecordSchemas.id(type));
            assertThat(committed.path("description").asText()).as(type.type() + " description").isNotBlank();
            assertThat(RecordSchemas.structure(committed))
                    .as(type.type() + ": the committed schema and the record " + type.dataClass().getSimpleName()
                            + " differ; rerun with -Dcontracts.write-schemas=true if the record is right")
                    .isEqualTo(RecordSchemas.structure(RecordSchemas.generate(type)));
        }
    }

    @Test
    void everySampleValidatesAgainstItsSchemaAndAgainstTheReleasedOne() throws IOException {
        for (EventType type : EventType.values()) {
            String sample = sample(type).toString();
            assertThat(errors(SCHEMAS, type, sample)).as(type.type()).isEmpty();
            assertThat(errors(RELEASED, type, sample)).as(type.type() + " released").isEmpty();
        }
    }

    @Test
    void nullableFieldsMayBeNullOrAbsentAndTheOthersMayNot() throws IOException {
        for (EventType type : EventType.values()) {
            JsonNode schema = read(SCHEMAS + RecordSchemas.fileName(type));
            Set<String> required = names(schema.get("required"));
            for (String field : names(schema.get("properties"))) {
                ObjectNode withNull = sample(type).deepCopy();
                withNull.putNull(field);
                ObjectNode without = sample(type).deepCopy();
                without.remove(field);
                if (required.contains(field)) {
                    assertThat(errors(SCHEMAS, type, withNull.toString())).as(type.type() + " null " + field).isNotEmpty();
                    assertThat(errors(SCHEMAS, type, without.toString())).as(type.type() + " no " + field).isNotEmpty();
                } else {
                    assertThat(errors(SCHEMAS, type, withNull.toString())).as(type.type() + " null " + field).isEmpty();
                    assertThat(errors(SCHEMAS, type, without.toString())).as(type.type() + " no " + field).isEmpty();
                }
            }
        }
    }

    @Test
    void decimalsAreStringsInPlainNotationAndIdsAndTimesAreChecked() throws IOException {
        ObjectNode fill = sample(EventType.EXECUTION_FILL_RECORDED).deepCopy();
        assertThat(errors(SCHEMAS, EventType.EXECUTION_FILL_RECORDED, fill.put("price", 1.0835).toString()))
                .isNotEmpty();
        assertThat(errors(SCHEMAS, EventType.EXECUTION_FILL_RECORDED, fill.put("price", "1.0835E+0").toString()))
                .isNotEmpty();
        assertThat(errors(SCHEMAS, EventType.EXECUTION_FILL_RECORDED, fill.put("price", "-0.00000001").toString()))
                .isEmpty();
        assertThat(errors(SCHEMAS, EventType.EXECUTION_FILL_RECORDED, fill.put("fill_id", "fill-1").toString()))
                .isNotEmpty();
        ObjectNode signal = sample(EventType.SIGNAL_ISSUED).deepCopy();
        assertThat(errors(SCHEMAS, EventType.SIGNAL_ISSUED, signal.put("issued_at", "26/11/2026").toString()))
                .isNotEmpty();
        assertThat(errors(SCHEMAS, EventType.SIGNAL_ISSUED, signal.put("issued_at", "2026-11-26T10:00:00.123456Z")
                .put("side", "HOLD").toString())).isNotEmpty();
    }

    @Test
    void theCatalogueNamesEveryEventTypeWithItsTopicAndSchema() throws IOException {
        JsonNode catalogue = read(SCHEMAS + "catalogue.json");
        Map<String, String> listed = new HashMap<>();
        catalogue.get("topics").properties().forEach(topic -> {
            assertThat(topic.getValue().path("key").asText()).as(topic.getKey()).isEqualTo("user_id");
            assertThat(topic.getValue().path("source").asText()).as(topic.getKey()).isNotBlank();
            topic.getValue().get("events").properties().forEach(event -> {
                listed.put(event.getKey(), topic.getKey());
                assertThat(event.getValue().asText()).isEqualTo(event.getKey() + ".schema.json");
            });
        });
        assertThat(listed).isEqualTo(Arrays.stream(EventType.values())
                .collect(Collectors.toMap(EventType::type, EventType::topic)));
        assertThat(catalogue.path("headers").asText()).isEqualTo("cloudevents-kafka-headers.schema.json");
    }

    @Test
    void theHeadersSchemaTakesWhatTheOutboxRelayWritesAndNamesEveryType() throws IOException {
        Schema headers = REGISTRY.getSchema(read(SCHEMAS + "cloudevents-kafka-headers.schema.json").toString());
        Map<String, String> written = Map.of("ce_specversion", "1.0", "ce_id", "7d0f9a8e-7c1b-4d55-9a6e-2f4f0c1d2e3f",
                "ce_type", "execution.fill-recorded.v1", "ce_source", "execution-service",
                "ce_time", "2026-11-26T10:00:02.123456Z", "content-type", "application/json",
                "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(headers.validate(JSON.writeValueAsString(written), InputFormat.JSON)).isEmpty();

        for (String header : List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "content-type")) {
            Map<String, String> without = new HashMap<>(written);
            without.remove(header);
            assertThat(headers.validate(JSON.writeValueAsString(without), InputFormat.JSON)).as(header).isNotEmpty();
        }
        Map<String, String> unknownType = new HashMap<>(written);
        unknownType.put("ce_type", "execution.fill-recorded.v2");
        assertThat(headers.validate(JSON.writeValueAsString(unknownType), InputFormat.JSON)).isNotEmpty();

        Set<String> types = new HashSet<>();
        read(SCHEMAS + "cloudevents-kafka-headers.schema.json").at("/properties/ce_type/enum")
                .forEach(type -> types.add(type.asText()));
        assertThat(types).isEqualTo(Arrays.stream(EventType.values()).map(EventType::type).collect(Collectors.toSet()));
    }

    @Test
    void everyReleasedSchemaIsStillAcceptedByTheCurrentOne() throws IOException {
        for (EventType type : EventType.values()) {
            JsonNode released = read(RELEASED + RecordSchemas.fileName(type));
            JsonNode current = read(SCHEMAS + RecordSchemas.fileName(type));
            assertThat(SchemaCompatibility.breakingChanges(released, current)).as(type.type()).isEmpty();

            // What the released schema accepts at its least: the sample with only its required fields.
            ObjectNode minimal = sample(type).deepCopy();
            Set<String> required = names(released.get("required"));
            minimal.properties().removeIf(field -> !required.contains(field.getKey()));
            assertThat(errors(RELEASED, type, minimal.toString())).as(type.type() + " released, minimal").isEmpty();
            assertThat(errors(SCHEMAS, type, minimal.toString())).as(type.type() + " minimal").isEmpty();
        }
        assertThat(read(RELEASED + "cloudevents-kafka-headers.schema.json").get("required"))
                .allSatisfy(header -> assertThat(names(read(SCHEMAS + "cloudevents-kafka-headers.schema.json")
                        .get("properties"))).contains(header.asText()));
    }

    @Test
    void theCompatibilityCheckRefusesRemovedNewlyRequiredAndNarrowedFields() throws IOException {
        JsonNode released = read(RELEASED + RecordSchemas.fileName(EventType.EXECUTION_FILL_RECORDED));

        ObjectNode removed = released.deepCopy();
        ((ObjectNode) removed.get("properties")).remove("trade_id");
        assertThat(SchemaCompatibility.breakingChanges(released, removed)).containsExactly("trade_id: removed");

        ObjectNode newlyRequired = released.deepCopy();
        newlyRequired.withArray("required").add("notional");
        assertThat(SchemaCompatibility.breakingChanges(released, newlyRequired)).containsExactly("notional: now required");

        ObjectNode narrowed = released.deepCopy();
        ((ObjectNode) narrowed.at("/properties/notional")).put("type", "string");
        ((ObjectNode) narrowed.at("/properties/size")).put("type", "number").remove("pattern");
        assertThat(SchemaCompatibility.breakingChanges(released, narrowed)).hasSize(2);

        ObjectNode optionalAdded = released.deepCopy();
        ((ObjectNode) optionalAdded.get("properties")).putObject("venue").putArray("type").add("string").add("null");
        assertThat(SchemaCompatibility.breakingChanges(released, optionalAdded)).isEmpty();
    }

    private static List<com.networknt.schema.Error> errors(String folder, EventType type, String instance)
            throws IOException {
        return REGISTRY.getSchema(read(folder + RecordSchemas.fileName(type)).toString())
                .validate(instance, InputFormat.JSON);
    }

    private static ObjectNode sample(EventType type) throws IOException {
        return (ObjectNode) read("contracts/" + type.type() + ".json");
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = EventSchemasTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        } else {
            node.forEach(name -> names.add(name.asText()));
        }
        return names;
    }

    /** Rewrites each committed schema from its record, keeping the descriptions it has. */
    private static void writeSchemasFromRecords() throws IOException {
        Path folder = Path.of("src/main/resources", SCHEMAS);
        Files.createDirectories(folder);
        for (EventType type : EventType.values()) {
            Path file = folder.resolve(RecordSchemas.fileName(type));
            ObjectNode generated = RecordSchemas.generate(type);
            JsonNode committed = Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
            ObjectNode schema = JSON.createObjectNode();
            generated.properties().forEach(entry -> {
                schema.set(entry.getKey(), entry.getValue());
                if (entry.getKey().equals("title")) {
                    schema.put("description", committed.path("description").asText(""));
                }
            });
            schema.get("properties").properties().forEach(property -> {
                JsonNode description = committed.at("/properties/" + property.getKey() + "/description");
                ObjectNode value = (ObjectNode) property.getValue();
                if (description.isTextual()) {
                    value.set("description", description);
                } else if (value.has("pattern")) {
                    value.put("description", "A decimal as a JSON string in plain notation, exact "
                            + "(docs/decisions/0004).");
                }
            });
            Files.writeString(file, JSON.writeValueAsString(schema) + "\n");
        }
    }
}
