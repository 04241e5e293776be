package com.tradesignals.execution.tracing;

import static com.tradesignals.execution.Scenario.registerDevice;
import static com.tradesignals.execution.Scenario.signal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.execution.Scenario;
import com.tradesignals.testsupport.TestKafka;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One trace across a Kafka hop: the W3C traceparent of a request, or of a consumed record, reaches the records the
 * service publishes through its outbox, whose producer span is part of that trace.
 */
@QuarkusTest
class TracePropagationTest {

    @Inject
    Pool database;

    @Inject
    InMemorySpanExporter spans;

    private UUID user;
    private DeviceRequestSigner device;

    @BeforeEach
    void aUserWithADevice() {
        user = UUID.randomUUID();
        device = registerDevice(database, user);
    }

    @Test
    void aFillsRecordOnKafkaContinuesTheTraceOfTheRequestThatReportedIt() {
        SignalIssued signal = Scenario.issue(database, signal(user, Side.BUY, "1", "1.10000"));
        String traceId = newTraceId();
        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> records = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Scenario.executionsTopic());

            fill(signal.signalId(), "traced-fill", traceparent(traceId, newSpanId())).statusCode(200);

            ConsumerRecord<String, String> published = await().atMost(Duration.ofSeconds(30))
                    .until(() -> fillRecordedOf(records.getRecords(), signal.signalId()), record -> record != null);
            String header = headerOf(published, "traceparent");
            assertThat(traceIdOf(header)).isEqualTo(traceId);
            // The record's parent is the relay's producer span, itself in the request's trace.
            SpanData producer = await().atMost(Duration.ofSeconds(10)).until(
                    () -> spanOf(traceId, SpanKind.PRODUCER), span -> span != null);
            assertThat(header).isEqualTo("00-" + traceId + "-" + producer.getSpanId() + "-01");
            assertThat(spanOf(traceId, SpanKind.SERVER)).isNotNull();
            records.stop();
        }
    }

    @Test
    void aFillAppliedByAConsumedSignalContinuesTheSignalsTrace() {
        SignalIssued signal = signal(user, Side.BUY, "1", "1.10000");
        fill(signal.signalId(), "early-traced-fill", traceparent(newTraceId(), newSpanId())).statusCode(202);
        String signalTrace = newTraceId();
        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> records = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Scenario.executionsTopic());

            EventType type = EventType.of(signal);
            TestKafka.publishCloudEvent(type.topic(), user.toString(), TestKafka.newEventId(), type.type(),
                    TestKafka.producerOf(type.topic()), Scenario.JSON.valueToTree(signal).toString(),
                    Map.of("traceparent", traceparent(signalTrace, newSpanId())));

            ConsumerRecord<String, String> published = await().atMost(Duration.ofSeconds(30))
                    .until(() -> fillRecordedOf(records.getRecords(), signal.signalId()), record -> record != null);
            assertThat(traceIdOf(headerOf(published, "traceparent"))).isEqualTo(signalTrace);
            SpanData consumed = await().atMost(Duration.ofSeconds(10)).until(
                    () -> spanOf(signalTrace, SpanKind.CONSUMER), span -> span != null);
            assertThat(consumed.getName()).contains("signals.v1");
            records.stop();
        }
    }

    private ValidatableResponse fill(UUID signalId, String reportId, String traceparent) {
        String path = "/api/v1/exec/fill";
        String body = Scenario.JSON.valueToTree(Map.of("report_id", reportId, "signal_id", signalId,
                "trade_id", "T-" + reportId, "size", "1", "price", "1.10010",
                "filled_at", Instant.now().toString())).toString();
        return given().header("Authorization", device.authorization("POST", path, "", body))
                .header("traceparent", traceparent)
                .contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(path).then();
    }

    private SpanData spanOf(String traceId, SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind)
                .findFirst().orElse(null);
    }

    private static ConsumerRecord<String, String> fillRecordedOf(List<ConsumerRecord<String, String>> records,
            UUID signalId) {
        return records.stream()
                .filter(record -> EventType.EXECUTION_FILL_RECORDED.type().equals(headerOf(record, "ce_type")))
                .filter(record -> signalId.toString().equals(Scenario.fromJson(record.value()).get("signal_id")))
                .findFirst().orElse(null);
    }

    private static String headerOf(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String traceIdOf(String traceparent) {
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.split("-")[1];
    }

    private static String traceparent(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static String newTraceId() {
        return randomHex(16);
    }

    private static String newSpanId() {
        return randomHex(8);
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
