package com.tradesignals.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to Kafka as CloudEvents, keyed by user id, and marks them published.
 * Each run drains the outbox batch after batch, each in its own transaction, until a batch is not full.
 * At least once: an event whose acknowledgement is lost is sent again, and consumers dedupe by event id.
 * While Kafka is unreachable the relay backs off, doubling its pause up to the configured maximum.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Clock clock;
    private final AtomicLong unpublished = new AtomicLong();
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile Duration backoff = Duration.ZERO;

    OutboxRelay(OutboxRepository repository,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> emitter,
            OutboxConfig config, Clock clock, MeterRegistry registry) {
        this.repository = repository;
        this.emitter = emitter;
        this.config = config;
        this.clock = clock;
        registry.gauge("outbox.unpublished", unpublished);
    }

    @Scheduled(every = "${platform.outbox.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ApplicationNotStarted.class)
    Uni<Void> relay() {
        if (clock.instant().isBefore(nextAttempt)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> repository.tryLockRelay()
                        .chain(isRelayOwner -> isRelayOwner ? publishBatch() : Uni.createFrom().item(0)))
                .repeat().whilst(published -> published == config.batchSize())
                .collect().last()
                .chain(() -> Panache.withSession(repository::countUnpublished))
                .invoke(count -> {
                    unpublished.set(count);
                    backoff = Duration.ZERO;
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(this::backOff);
    }

    /** Publishes the oldest unpublished events; answers how many. */
    private Uni<Integer> publishBatch() {
        return repository.oldestUnpublished(config.batchSize()).chain(batch -> {
            if (batch.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            // Sent together, acknowledged in order: the producer keeps one key's records in sequence.
            List<Uni<Void>> sends = batch.stream().map(this::send).toList();
            return Uni.join().all(sends).andFailFast()
                    .chain(() -> repository.markPublished(batch, clock.instant()))
                    .replaceWith(batch.size());
        });
    }

    private Uni<Void> send(OutboxEvent event) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId.toString())
                .withType(event.eventType)
                .withSource(URI.create(config.source()))
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafkaRecord = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.recordKey)
                .build();
        return emitter.sendMessage(Message.of(event.payload).addMetadata(cloudEvent).addMetadata(kafkaRecord));
    }

    private Uni<Void> backOff(Throwable failure) {
        Duration doubled = backoff.isZero() ? config.interval() : backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
        nextAttempt = clock.instant().plus(backoff);
        LOG.warnf("Outbox relay could not publish (%s); next attempt in %s", failure.toString(), backoff);
        return Uni.createFrom().voidItem();
    }
}
