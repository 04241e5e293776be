package com.tradesignals.affiliate.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradesignals.affiliate.Programme;
import com.tradesignals.affiliate.TradingEvents;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.testsupport.TestKafka;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The last hop of fill → commission: a fill consumed with a W3C traceparent is accrued in that trace, and the event
 * its accrual publishes (the referral activated by the trader's first fill) carries the same trace on affiliates.v1.
 */
@QuarkusTest
class TracePropagationTest {

    @Inject
    Programme programme;

    @Inject
    TradingEvents events;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aFillsCommissionAndTheEventsItCausesContinueTheFillsTrace() {
        UUID affiliate = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        programme.claim(trader, programme.register(affiliate)).then().statusCode(201);
        FillRecorded fill = events.unpublishedFill(trader, "EURUSD", "0.50", "0.50", "1.08");
        String traceId = randomHex(16);
        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> records = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.AFFILIATES);

            events.publish(TestKafka.newEventId(), fill,
                    Map.of("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01"));
            programme.awaitCommissions(fill.fillId(), 1);

            ConsumerRecord<String, String> activated = await().atMost(Duration.ofSeconds(30)).until(
                    () -> records.getRecords().stream()
                            .filter(record -> affiliate.toString().equals(record.key()))
                            .filter(record -> "affiliate.referral-activated.v1".equals(header(record, "ce_type")))
                            .findFirst().orElse(null),
                    record -> record != null);
            assertThat(header(activated, "traceparent")).startsWith("00-" + traceId + "-");
            SpanData consumed = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems()
                    .stream()
                    .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.CONSUMER)
                    .findFirst().orElse(null), span -> span != null);
            assertThat(consumed.getName()).contains(Topics.EXECUTIONS);
            records.stop();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
