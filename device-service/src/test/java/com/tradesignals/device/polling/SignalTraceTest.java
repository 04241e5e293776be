package com.tradesignals.device.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.device.LinkedDevice;
import com.tradesignals.device.TestClock;
import com.tradesignals.device.UpstreamSignals;
import com.tradesignals.testsupport.TestKafka;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A signal's trace: consumed from signals.v1, fanned out in it, and linked from the poll that delivers it. */
@QuarkusTest
class SignalTraceTest {

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    ParkedPolls parked;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theSignalsTraceRunsFromItsConsumptionThroughTheFanOutToThePollThatDeliversIt() throws Exception {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        CompletableFuture<ExtractableResponse<Response>> parkedPoll = CompletableFuture.supplyAsync(
                () -> device.poll("after=0&wait=20").statusCode(200).extract());
        await().atMost(Duration.ofSeconds(30)).until(() -> parked.isParked(device.deviceId()));

        String traceId = randomHex(16);
        SignalIssued signal = UpstreamSignals.signal(device.userId(), clock.instant(),
                clock.instant().plus(Duration.ofHours(1)));
        TestKafka.publishCloudEvent(Topics.SIGNALS, signal.userId().toString(), TestKafka.newEventId(),
                EventType.SIGNAL_ISSUED.type(), TestKafka.producerOf(Topics.SIGNALS),
                objectMapper.writeValueAsString(signal),
                Map.of("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01"));

        assertThat(parkedPoll.get(15, TimeUnit.SECONDS).jsonPath().getList("deliveries.signal_id"))
                .containsExactly(signal.signalId().toString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(spansOf(traceId, SpanKind.CONSUMER)).isNotEmpty();
            // The batch's processing, which stored the signal and fanned it out.
            assertThat(spansOf(traceId, SpanKind.INTERNAL)).isNotEmpty();
            assertThat(spans.getFinishedSpanItems()).filteredOn(span -> span.getKind() == SpanKind.SERVER
                            && span.getAttributes().asMap().values().stream().anyMatch(value -> value.toString()
                                    .contains(device.deviceId().toString())))
                    .anySatisfy(poll -> assertThat(poll.getLinks())
                            .anySatisfy(link -> assertThat(link.getSpanContext().getTraceId()).isEqualTo(traceId)));
        });
    }

    private List<SpanData> spansOf(String traceId, SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind).toList();
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
