package com.tradesignals.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.AssetClass;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.executions.FillRecorded;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventContractsTest {

    /** As the services' ObjectMapper writes events: ISO instants, plain decimals. */
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final FillRecorded fill = new FillRecorded(UUID.randomUUID(), UUID.randomUUID(), "T-1", UUID.randomUUID(),
            UUID.randomUUID(), "XYZUSD", null, Side.SELL, new BigDecimal("0.10"), null, new BigDecimal("1.5"), null,
            null, null, Instant.parse("2026-11-30T10:00:00.123456Z"));

    @Test
    void anEventAsTheOutboxRelayPublishesItKeepsItsContract() throws Exception {
        FillRecorded known = new FillRecorded(UUID.randomUUID(), UUID.randomUUID(), "T-2", UUID.randomUUID(),
                UUID.randomUUID(), "EURUSD", AssetClass.FX, Side.BUY, new BigDecimal("0.50"), new BigDecimal("0.50"),
                new BigDecimal("1.08350"), new BigDecimal("100000"), "USD", new BigDecimal("0E-8"), Instant.now());

        assertThat(EventContracts.violations(Topics.EXECUTIONS, relayHeaders("execution-service"),
                json.writeValueAsString(fill))).isEmpty();
        assertThat(EventContracts.violations(Topics.EXECUTIONS, relayHeaders("execution-service"),
                json.writeValueAsString(known))).isEmpty();
    }

    @Test
    void aWrongProducerTopicOrHeaderIsAViolation() throws Exception {
        String data = json.writeValueAsString(fill);
        assertThat(EventContracts.violations(Topics.EXECUTIONS, relayHeaders("affiliate-service"), data))
                .singleElement().asString().contains("ce_source");
        assertThat(EventContracts.violations(Topics.AFFILIATES, relayHeaders("affiliate-service"), data))
                .anySatisfy(violation -> assertThat(violation).contains("is not published on affiliates.v1"));
        Headers withoutTime = relayHeaders("execution-service");
        withoutTime.remove("ce_time");
        assertThat(EventContracts.violations(Topics.EXECUTIONS, withoutTime, data))
                .singleElement().asString().contains("ce_time");
    }

    @Test
    void dataTheSchemaDoesNotAllowOrDeclareIsAViolation() throws Exception {
        ObjectNode data = json.valueToTree(fill);
        assertThat(EventContracts.violations(Topics.EXECUTIONS, relayHeaders("execution-service"),
                data.deepCopy().put("price", 1.5).toString())).singleElement().asString().contains("/price");
        assertThat(EventContracts.violations(Topics.EXECUTIONS, relayHeaders("execution-service"),
                data.deepCopy().putNull("trade_id").toString())).singleElement().asString().contains("/trade_id");
        assertThat(EventContracts.violations(Topics.EXECUTIONS, relayHeaders("execution-service"),
                data.deepCopy().put("venue", "LMAX").toString())).singleElement().asString()
                .contains("venue, which its schema does not declare");
    }

    @Test
    void theDeserializerRefusesABrokenEventButNotATestsInputOrADeadLetter() throws Exception {
        byte[] data = ((ObjectNode) json.valueToTree(fill)).put("size", 0.1).toString()
                .getBytes(StandardCharsets.UTF_8);
        try (ContractCheckingDeserializer deserializer = new ContractCheckingDeserializer()) {
            assertThatThrownBy(() -> deserializer.deserialize(Topics.EXECUTIONS, relayHeaders("execution-service"),
                    data)).isInstanceOf(SerializationException.class).hasMessageContaining("/size");

            Headers input = relayHeaders("execution-service");
            input.add(EventContracts.TEST_PUBLISHED_HEADER, "true".getBytes(StandardCharsets.UTF_8));
            assertThat(deserializer.deserialize(Topics.EXECUTIONS, input, data)).isEqualTo(new String(data,
                    StandardCharsets.UTF_8));
            assertThat(deserializer.deserialize(Topics.deadLetterTopic(Topics.EXECUTIONS, "affiliate-service"),
                    relayHeaders("execution-service"), data)).isNotNull();
        }
    }

    @Test
    void theCatalogueNamesEachTopicsProducer() {
        assertThat(EventContracts.producerOf(Topics.SIGNALS)).contains("signals-api");
        assertThat(EventContracts.producerOf(Topics.EXECUTIONS)).contains("execution-service");
        assertThat(EventContracts.producerOf(Topics.deadLetterTopic(Topics.SIGNALS, "device-service"))).isEmpty();
    }

    private static Headers relayHeaders(String source) {
        Headers headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_type", bytes(EventType.EXECUTION_FILL_RECORDED.type()));
        headers.add("ce_source", bytes(source));
        headers.add("ce_time", bytes("2026-11-30T10:00:00.123456Z"));
        headers.add("content-type", bytes("application/json"));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
