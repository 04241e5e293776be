package com.tradesignals.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Compatibility guard: the committed sample of each event type (src/test/resources/contracts) is what
 * consumers already in production read. Renaming, removing or retyping a field breaks this test: publish a
 * new versioned type instead.
 */
class EventContractsTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @Test
    void everyEventTypeReadsItsSampleAndWritesItBackUnchanged() throws IOException {
        for (EventType type : EventType.values()) {
            JsonNode sample = sample(type);
            IntegrationEvent event = json.treeToValue(sample, type.dataClass());

            JsonNode written = json.readTree(json.writeValueAsString(event));
            assertThat(written.properties()).as(type.type()).hasSameSizeAs(sample.properties());
            sample.fieldNames().forEachRemaining(field -> assertThat(text(written.get(field)))
                    .as(type.type() + "." + field).isEqualTo(text(sample.get(field))));
            assertThat(EventType.of(event)).isEqualTo(type);
            assertThat(event.userId()).isNotNull();
        }
    }

    @Test
    void typesAreVersionedAndUnique() {
        for (EventType type : EventType.values()) {
            assertThat(type.type()).matches("[a-z]+\\.[a-z-]+\\.v\\d+");
            assertThat(EventType.fromType(type.type())).contains(type);
        }
        assertThat(EventType.fromType("device.exploded.v1")).isEmpty();
    }

    /** A value as text; a list as its JSON, so that its elements are compared too. */
    private static String text(JsonNode value) {
        return value.isContainerNode() ? value.toString() : value.asText();
    }

    private static JsonNode sample(EventType type) throws IOException {
        try (InputStream in = EventContractsTest.class.getResourceAsStream("/contracts/" + type.type() + ".json")) {
            assertThat(in).as("sample for " + type.type()).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
