import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Replays the dead letters of one dead-letter topic ({@code <topic>.<service>.dlq}) to the topic each came from (its
 * {@code dead-letter-topic} header), in order per partition, with the same key, value and CloudEvents headers and
 * without the {@code dead-letter-*} headers. Consumers dedupe by CloudEvent id, so replaying an event that was applied
 * meanwhile changes nothing. Progress is kept in consumer group {@code dlq-replay} (committed once the records are
 * acknowledged by the broker): a second run replays only what was dead-lettered since. Run by dev/dlq-replay:
 * {@code --bootstrap host:port --dlq <dead-letter topic> [--group dlq-replay] [--dry-run true]
 * [--consumer-config file] [--producer-config file]}: where the brokers want a login, the two files are Kafka client
 * properties (security.protocol, sasl.mechanism, sasl.jaas.config) of a user that may read the dead-letter topic and
 * of the source topic's owner, which alone may write it.
 */
public class DeadLetterReplay {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String bootstrap = require(options, "bootstrap");
        String deadLetters = require(options, "dlq");
        boolean isDryRun = Boolean.parseBoolean(options.getOrDefault("dry-run", "false"));

        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, options.getOrDefault("group", "dlq-replay"));
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        loadInto(consumerConfig, options.get("consumer-config"));
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        loadInto(producerConfig, options.get("producer-config"));

        int replayed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(deadLetters, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(deadLetters, partition.partition()));
            }
            consumer.assign(partitions);
            // What is there now; dead letters arriving during the replay wait for the next run.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    String target = header(record, "dead-letter-topic");
                    if (target == null) {
                        throw new IllegalStateException("record " + partition + "@" + record.offset()
                                + " has no dead-letter-topic header; not a dead letter of this system");
                    }
                    RecordHeaders headers = new RecordHeaders();
                    for (Header header : record.headers()) {
                        if (!header.key().startsWith("dead-letter-")) {
                            headers.add(header);
                        }
                    }
                    System.out.printf("%s %s@%d -> %s (ce_id %s, reason %s)%n", isDryRun ? "would replay" : "replaying",
                            partition, record.offset(), target, header(record, "ce_id"),
                            header(record, "dead-letter-reason"));
                    if (!isDryRun) {
                        // One producer, sent in order: a key's records stay in their order on the target.
                        sends.add(producer.send(new ProducerRecord<>(target, null, record.key(), record.value(), headers)));
                    }
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    replayed++;
                }
                for (Future<RecordMetadata> send : sends) {
                    send.get();
                }
                if (!isDryRun && !done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
        }
        System.out.println((isDryRun ? "Would replay " : "Replayed ") + replayed + " record(s) of " + deadLetters);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void loadInto(Properties config, String file) throws java.io.IOException {
        if (file != null) {
            try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(file))) {
                config.load(in);
            }
        }
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required (see dev/dlq-replay)");
        }
        return value;
    }
}
