package com.tradesignals.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerBuilder;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Talks to the test broker directly, as another service or the upstream Signals API would. */
public final class TestKafka {

    private static KafkaProducer<String, String> producer;

    private TestKafka() {
    }

    /**
     * A companion on the test broker whose {@code consumeStrings()} checks every record it reads from an event topic
     * against its contract ({@link EventContracts}): each test that reads what a service published checks it.
     */
    public static KafkaCompanion companion() {
        return new KafkaCompanion(KafkaBroker.shared().bootstrapServers()) {
            @Override
            public ConsumerBuilder<String, String> consumeStrings() {
                return consumeWithDeserializers(new StringDeserializer(), new ContractCheckingDeserializer());
            }
        };
    }

    /**
     * The CloudEvents source consumers accept on {@code topic} ({@code platform.inbox.producers}), as the event
     * catalogue gives it: tests publish in the producer's name.
     */
    public static String producerOf(String topic) {
        return EventContracts.producerOf(topic).orElse("test");
    }

    /**
     * Publishes {@code data} as a binary-mode CloudEvent with the given id and type, in the name of the topic's
     * producer; waits for the broker's ack.
     */
    public static void publishCloudEvent(String topic, String key, String eventId, String type, String data) {
        publishCloudEvent(topic, key, eventId, type, producerOf(topic), data);
    }

    /** As {@link #publishCloudEvent(String, String, String, String, String)} from the given {@code source}. */
    public static void publishCloudEvent(String topic, String key, String eventId, String type, String source,
            String data) {
        publishCloudEvent(topic, key, eventId, type, source, data, Map.of());
    }

    /** As {@link #publishCloudEvent(String, String, String, String, String, String)} with more headers (a traceparent). */
    public static void publishCloudEvent(String topic, String key, String eventId, String type, String source,
            String data, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        headers.forEach((name, value) -> header(record, name, value));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", type);
        header(record, "ce_source", source);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        header(record, EventContracts.TEST_PUBLISHED_HEADER, "true");
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
