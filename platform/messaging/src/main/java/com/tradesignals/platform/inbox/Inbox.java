package com.tradesignals.platform.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.IntegrationEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Consumes events exactly once in effect: the event id is recorded in the same transaction as the
 * consumer's effect, so a redelivered or replayed event changes nothing. An effect that fails transiently (the
 * database unreachable, a timeout, a serialization failure or deadlock) is retried until it passes while the
 * consumer's later records wait, so nothing is reordered or lost (decision 0008). Only a record that can never be
 * processed is nacked and so goes to the dead-letter topic, the reason in its {@code dead-letter-reason} header
 * ({@link DeadLetter}): unreadable, invalid (see {@link FailureClassifier}) or from a foreign producer. A record's
 * effect runs in the trace its producer started (the connector continues the {@code traceparent} header).
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final ObjectMapper objectMapper;
    private final InboxConfig config;
    private final MeterRegistry registry;
    private final Tracer tracer;
    private final Map<String, AtomicInteger> retrying = new ConcurrentHashMap<>();
    private final Pool database;

    Inbox(ObjectMapper objectMapper, InboxConfig config, MeterRegistry registry, Tracer tracer, Pool database) {
        this.objectMapper = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.config = config;
        this.registry = registry;
        this.tracer = tracer;
        this.database = database;
    }

    /**
     * Applies {@code effect} to the event in {@code message} unless {@code consumer} has already processed an
     * event with this id, then acknowledges the message. Event types the consumer does not know are skipped,
     * so producers can add types to a topic without breaking older consumers.
     */
    public Uni<Void> consume(String consumer, Message<String> message,
            Function<IntegrationEvent, Uni<Void>> effect) {
        return consumeRead(consumer, message, event -> processOnce(consumer, event, effect));
    }

    private Uni<Void> consumeRead(String consumer, Message<String> message,
            Function<ReceivedEvent, Uni<Void>> processOnce) {
        return Uni.createFrom().item(() -> read(message))
                .chain(event -> event.map(e -> untilDone(consumer, () -> processOnce.apply(e)))
                        .orElse(Uni.createFrom().voidItem()))
                .onItemOrFailure().transformToUni((done, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : deadLetter(consumer, message, failure));
    }

    /**
     * As {@link #consume}, for an effect written with the reactive SQL client: the event id is recorded through the
     * connection {@code effect} is given, in the transaction it runs in, so both commit or neither does.
     */
    public Uni<Void> consumeOnSqlClient(String consumer, Message<String> message,
            BiFunction<SqlConnection, IntegrationEvent, Uni<Void>> effect) {
        return consumeRead(consumer, message, event -> database.withTransaction(transaction -> transaction
                .preparedQuery("insert into processed_events (consumer, event_id) values ($1, $2) on conflict do nothing")
                .execute(Tuple.of(consumer, event.id()))
                .chain(marked -> marked.rowCount() == 1 ? effect.apply(transaction, event.data())
                        : Uni.createFrom().voidItem())));
    }

    /**
     * As {@link #consume} for a batch of records (one poll of a partition, in order), in one transaction: one
     * statement records every event id, then {@code effect} gets the events not processed before, in order.
     * Unreadable records go to the dead-letter topic on their own; a transient failure retries the whole batch; if
     * the batch fails for good, its records are consumed one by one, so that only the record at fault goes there.
     */
    public Uni<Void> consumeAll(String consumer, List<? extends Message<String>> messages,
            Function<List<IntegrationEvent>, Uni<Void>> effect) {
        return inBatchSpan(consumer, messages, () -> consumeBatch(consumer, messages, effect));
    }

    /**
     * Runs the processing of a batch in a span of its own, current while it runs (so what it logs and adds to the
     * outbox belongs to it): the connector makes no record's span current for a batch. Its parent is the first
     * record's consumer span, and it links to every record's; a lone record, the usual batch, so stays in its trace.
     */
    private Uni<Void> inBatchSpan(String consumer, List<? extends Message<String>> messages,
            Supplier<Uni<Void>> processing) {
        List<SpanContext> records = messages.stream().map(Inbox::consumerSpanOf).flatMap(Optional::stream)
                .toList();
        return Uni.createFrom().deferred(() -> {
            // Off a duplicated Vert.x context the context would sit in a thread local the reactive chain leaves.
            if (records.isEmpty() || !VertxContext.isOnDuplicatedContext()) {
                return processing.get();
            }
            Context parent = Context.root().with(Span.wrap(records.get(0)));
            SpanBuilder builder = tracer.spanBuilder(consumer + " process").setParent(parent);
            records.forEach(builder::addLink);
            Span span = builder.startSpan();
            Scope scope = parent.with(span).makeCurrent();
            return processing.get().onTermination().invoke(() -> {
                scope.close();
                span.end();
            });
        });
    }

    private Uni<Void> consumeBatch(String consumer, List<? extends Message<String>> messages,
            Function<List<IntegrationEvent>, Uni<Void>> effect) {
        List<Message<String>> readable = new ArrayList<>();
        List<ReceivedEvent> events = new ArrayList<>();
        Uni<Void> settled = Uni.createFrom().voidItem();
        for (Message<String> message : messages) {
            try {
                read(message).ifPresent(events::add);
                readable.add(message);
            } catch (DeadLetter deadLetter) {
                settled = settled.chain(() -> deadLetter(consumer, message, deadLetter));
            }
        }
        return settled.chain(() -> events.isEmpty() ? Uni.createFrom().voidItem()
                        : untilDone(consumer, () -> processAllOnce(consumer, events, effect)))
                .onItemOrFailure().transformToUni((done, failure) -> {
                    Uni<Void> each = Uni.createFrom().voidItem();
                    for (Message<String> message : readable) {
                        each = each.chain(() -> failure == null ? Uni.createFrom().completionStage(message.ack())
                                : consume(consumer, message, event -> effect.apply(List.of(event))));
                    }
                    if (failure != null) {
                        LOG.warnf("%s could not process a batch of %d records (%s); consuming them one by one",
                                consumer, readable.size(), failure);
                    }
                    return each;
                });
    }

    /**
     * Runs {@code attempt} until it succeeds or fails permanently. While it fails transiently the consumer's later
     * records wait (its channel processes one message at a time): {@code inbox_retrying} shows it.
     */
    private Uni<Void> untilDone(String consumer, Supplier<Uni<Void>> attempt) {
        AtomicInteger isRetrying = retrying.computeIfAbsent(consumer,
                name -> registry.gauge("inbox.retrying", Tags.of("consumer", name), new AtomicInteger()));
        Counter retries = registry.counter("inbox.retries", "consumer", consumer);
        InboxConfig.Retry retry = config.retry();
        return Uni.createFrom().<Void>deferred(attempt::get)
                .onFailure(FailureClassifier::isTransient).invoke(failure -> {
                    isRetrying.set(1);
                    retries.increment();
                    LOG.warnf("%s: transient failure, retrying until it passes: %s", consumer, failure);
                })
                .onFailure(FailureClassifier::isTransient).retry()
                .withBackOff(retry.initialBackoff(), retry.maxBackoff()).withJitter(retry.jitter()).indefinitely()
                .onTermination().invoke(() -> isRetrying.set(0));
    }

    private Uni<Void> deadLetter(String consumer, Message<String> message, Throwable failure) {
        DeadLetter deadLetter = failure instanceof DeadLetter known ? known
                : new DeadLetter(FailureClassifier.permanentReason(failure).orElse(DeadLetter.INVALID), failure);
        registry.counter("inbox.dead.letters", "consumer", consumer, "reason", deadLetter.reason()).increment();
        LOG.errorf(failure, "%s cannot ever process a record (%s); it goes to the dead-letter topic", consumer,
                deadLetter.reason());
        return Uni.createFrom().completionStage(message.nack(deadLetter));
    }

    private Uni<Void> processAllOnce(String consumer, List<ReceivedEvent> events,
            Function<List<IntegrationEvent>, Uni<Void>> effect) {
        return Panache.withTransaction(() -> markAllProcessed(consumer, events).chain(firstIds -> {
                    Set<String> unprocessed = new HashSet<>(firstIds);
                    List<IntegrationEvent> fresh = events.stream().filter(event -> unprocessed.remove(event.id()))
                            .map(ReceivedEvent::data).toList();
                    return fresh.isEmpty() ? Uni.createFrom().voidItem() : effect.apply(fresh);
                }));
    }

    /** Records the ids; answers those not recorded before. */
    private Uni<List<String>> markAllProcessed(String consumer, List<ReceivedEvent> events) {
        String rows = IntStream.range(0, events.size()).mapToObj(index -> "(:consumer, :eventId" + index + ")")
                .collect(Collectors.joining(", "));
        return Panache.getSession().chain((Mutiny.Session session) -> {
            Mutiny.SelectionQuery<String> query = session.createNativeQuery("with marked as (insert into processed_events "
                    + "(consumer, event_id) values " + rows + " on conflict do nothing returning event_id) "
                    + "select event_id from marked", String.class);
            query.setParameter("consumer", consumer);
            for (int index = 0; index < events.size(); index++) {
                query.setParameter("eventId" + index, events.get(index).id());
            }
            return query.getResultList();
        });
    }

    private Uni<Void> processOnce(String consumer, ReceivedEvent event,
            Function<IntegrationEvent, Uni<Void>> effect) {
        return Panache.withTransaction(() -> markProcessed(consumer, event.id())
                .chain(isFirstDelivery -> isFirstDelivery ? effect.apply(event.data()) : Uni.createFrom().voidItem()));
    }

    private Uni<Boolean> markProcessed(String consumer, String eventId) {
        return Panache.getSession().chain((Mutiny.Session session) -> session
                .createNativeQuery("insert into processed_events (consumer, event_id) values (:consumer, :eventId) "
                        + "on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /**
     * The record's event, or empty for a type this service does not know. Dead-letters a record that is not a
     * CloudEvent with an id and a type, whose data does not read as its type, or that its topic's producer cannot
     * have sent: another {@code source}, or a type of another topic.
     */
    private Optional<ReceivedEvent> read(Message<String> message) {
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new DeadLetter(DeadLetter.UNREADABLE, "record is not a CloudEvent"));
        if (isBlank(cloudEvent.getId()) || isBlank(cloudEvent.getType())) {
            throw new DeadLetter(DeadLetter.UNREADABLE, "CloudEvent without id or type");
        }
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("");
        String owner = config.producers().get(topic);
        String source = cloudEvent.getSource() == null ? "" : cloudEvent.getSource().toString();
        if (owner == null || !owner.equals(source)) {
            throw new DeadLetter(DeadLetter.FOREIGN_PRODUCER, "event " + cloudEvent.getId() + " on " + topic
                    + " comes from '" + source + "', not from its producer '" + owner + "'");
        }
        Optional<EventType> type = EventType.fromType(cloudEvent.getType());
        if (type.isEmpty()) {
            LOG.debugf("Skipping event %s of unknown type %s", cloudEvent.getId(), cloudEvent.getType());
            return Optional.empty();
        }
        if (!type.get().topic().equals(topic)) {
            throw new DeadLetter(DeadLetter.FOREIGN_PRODUCER, "event " + cloudEvent.getId() + " of type "
                    + cloudEvent.getType() + " belongs to " + type.get().topic() + ", not " + topic);
        }
        try {
            return Optional.of(new ReceivedEvent(cloudEvent.getId(),
                    objectMapper.readValue(message.getPayload(), type.get().dataClass())));
        } catch (IOException | RuntimeException e) {
            throw new DeadLetter(DeadLetter.UNREADABLE, e);
        }
    }

    /** The span the messaging connector opened for a consumed record, if tracing is on. */
    private static Optional<SpanContext> consumerSpanOf(Message<?> message) {
        return TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .map(context -> Span.fromContext(context).getSpanContext())
                .filter(SpanContext::isValid);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private record ReceivedEvent(String id, IntegrationEvent data) {
    }
}
