package com.tradesignals.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The dead-letter topics ({@code <topic>.<service>.dlq}) from a point in time on: a case marks them when it starts
 * and reads what arrived since, so earlier cases' (deliberate) dead letters do not count.
 */
final class DeadLetters {

    private final String bootstrapServers;
    /** Each dead-letter partition's end when marked; a topic created later starts at 0. */
    private final Map<TopicPartition, Long> mark;

    private DeadLetters(String bootstrapServers, Map<TopicPartition, Long> mark) {
        this.bootstrapServers = bootstrapServers;
        this.mark = mark;
    }

    static DeadLetters markNow(SystemUnderTest system) {
        String bootstrapServers = system.kafkaBootstrapServers();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            return new DeadLetters(bootstrapServers, Map.copyOf(consumer.endOffsets(partitions(bootstrapServers, consumer))));
        }
    }

    /** Every dead letter that arrived since the mark, in any dead-letter topic. */
    List<ConsumerRecord<String, String>> since() {
        List<ConsumerRecord<String, String>> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            Set<TopicPartition> partitions = partitions(bootstrapServers, consumer);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            Map<TopicPartition, Long> from = new HashMap<>();
            for (TopicPartition partition : partitions) {
                from.put(partition, mark.getOrDefault(partition, 0L));
                consumer.seek(partition, from.get(partition));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the dead-letter topics to their end");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(letters::add);
            }
        }
        return letters;
    }

    private static Set<TopicPartition> partitions(String bootstrapServers, KafkaConsumer<String, String> consumer) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.endsWith(".dlq")).collect(Collectors.toSet());
            return topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition())).collect(Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the dead-letter topics", e);
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
    }
}
