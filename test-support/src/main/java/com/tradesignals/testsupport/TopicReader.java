package com.tradesignals.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Reads a topic of the test broker from its start while a test runs, each record checked against its contract. */
public final class TopicReader implements AutoCloseable {

    private final KafkaCompanion kafka = TestKafka.companion();
    private final ConsumerTask<String, String> reading;

    public TopicReader(String topic) {
        reading = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(topic);
    }

    /** The records read so far. */
    public List<ConsumerRecord<String, String>> records() {
        return reading.getRecords();
    }

    @Override
    public void close() {
        reading.stop();
        kafka.close();
    }
}
