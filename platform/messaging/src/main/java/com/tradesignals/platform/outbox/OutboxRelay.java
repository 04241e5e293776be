package com.tradesignals.platform.outbox;

import com.tradesignals.platform.observability.TraceContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to Kafka as CloudEvents, keyed by user id, and deletes them once acknowledged;
 * each record carries the W3C {@code traceparent} of the transaction that wrote its event.
 * It runs every {@code platform.outbox.interval} (a Vert.x timer: Quarkus' scheduler fires at most once a second,
 * which would release a second's events at once) and drains the outbox batch after batch, each in its own
 * transaction, until a batch is not full. At least once: an event whose acknowledgement is lost is sent again, and
 * consumers dedupe by event id. While Kafka is unreachable the relay backs off, doubling its pause up to the
 * configured maximum.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool database;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Clock clock;
    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicBoolean isRunning = new AtomicBoolean();
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile Duration backoff = Duration.ZERO;
    private long timerId = -1;

    OutboxRelay(Pool database,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> emitter,
            OutboxConfig config, Clock clock, MeterRegistry registry) {
        this.database = database;
        this.emitter = emitter;
        this.config = config;
        this.clock = clock;
        registry.gauge("outbox.unpublished", unpublished);
    }

    /** Starts last, once Reactive Messaging has connected the outbox channel. */
    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event, Vertx vertx) {
        timerId = vertx.setPeriodic(config.interval().toMillis(), tick -> {
            if (isRunning.compareAndSet(false, true)) {
                relay().subscribe().with(done -> isRunning.set(false), failure -> isRunning.set(false));
            }
        });
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        vertx.cancelTimer(timerId);
    }

    Uni<Void> relay() {
        if (clock.instant().isBefore(nextAttempt)) {
            return Uni.createFrom().voidItem();
        }
        return database.withTransaction(transaction -> tryLockRelay(transaction)
                        .chain(isRelayOwner -> isRelayOwner ? publishBatch(transaction) : Uni.createFrom().item(0)))
                .repeat().whilst(published -> published == config.batchSize())
                .collect().last()
                .invoke(() -> backoff = Duration.ZERO)
                .replaceWithVoid()
                .onFailure().recoverWithUni(this::backOff)
                // Also after a failure: a backlog while Kafka is unreachable is what the gauge is watched for.
                .chain(this::countUnpublished);
    }

    private Uni<Void> countUnpublished() {
        return database.query("select count(*) from outbox_events").execute()
                .invoke(count -> unpublished.set(count.iterator().next().getLong(0)))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    /**
     * Takes the relay's lock for the current transaction. One relay at a time across all replicas keeps every key's
     * events in commit order; the others find the lock taken and wait for their next turn.
     */
    private static Uni<Boolean> tryLockRelay(SqlConnection transaction) {
        return transaction.query("select pg_try_advisory_xact_lock(hashtext('outbox-relay'))").execute()
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Publishes the oldest unpublished events; answers how many. */
    private Uni<Integer> publishBatch(SqlConnection transaction) {
        return transaction.preparedQuery("select position, event_id, event_type, topic, record_key, payload, occurred_at, "
                        + "traceparent from outbox_events order by position limit $1")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    // Sent together, acknowledged in order: the producer keeps one key's records in sequence.
                    List<Uni<Void>> sends = new ArrayList<>(rows.size());
                    List<Long> positions = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        sends.add(send(row));
                        positions.add(row.getLong("position"));
                    }
                    return Uni.join().all(sends).andFailFast()
                            .chain(() -> deletePublished(transaction, positions))
                            .replaceWith(rows.size());
                });
    }

    private static Uni<RowSet<Row>> deletePublished(SqlConnection transaction, List<Long> positions) {
        return transaction.preparedQuery("delete from outbox_events where position = any($1)")
                .execute(Tuple.of(positions.toArray(Long[]::new)));
    }

    private Uni<Void> send(Row event) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.getUUID("event_id").toString())
                .withType(event.getString("event_type"))
                .withSource(URI.create(config.source()))
                .withTimestamp(event.getOffsetDateTime("occurred_at").toZonedDateTime())
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafkaRecord = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.getString("topic"))
                .withKey(event.getString("record_key"))
                .build();
        // The record's producer span (and its traceparent header) continues the trace of the transaction that wrote
        // the event, not the relay's timer.
        TracingMetadata trace = TracingMetadata.withCurrent(TraceContexts.fromTraceparent(event.getString("traceparent")));
        return emitter.sendMessage(Message.of(event.getString("payload")).addMetadata(cloudEvent)
                .addMetadata(kafkaRecord).addMetadata(trace));
    }

    private Uni<Void> backOff(Throwable failure) {
        Duration doubled = backoff.isZero() ? config.interval() : backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
        nextAttempt = clock.instant().plus(backoff);
        LOG.warnf("Outbox relay could not publish (%s); next attempt in %s", failure.toString(), backoff);
        return Uni.createFrom().voidItem();
    }
}
