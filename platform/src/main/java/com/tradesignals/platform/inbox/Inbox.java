package com.tradesignals.platform.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.IntegrationEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Consumes events exactly once in effect: the event id is recorded in the same transaction as the
 * consumer's effect, so a redelivered or replayed event changes nothing. A record that is not a readable
 * event of a known type, or whose effect keeps failing, is nacked and so goes to the dead-letter topic.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final ObjectMapper objectMapper;
    private final InboxConfig config;

    Inbox(ObjectMapper objectMapper, InboxConfig config) {
        this.objectMapper = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.config = config;
    }

    /**
     * Applies {@code effect} to the event in {@code message} unless {@code consumer} has already processed an
     * event with this id, then acknowledges the message. Event types the consumer does not know are skipped,
     * so producers can add types to a topic without breaking older consumers.
     */
    public Uni<Void> consume(String consumer, Message<String> message,
            Function<IntegrationEvent, Uni<Void>> effect) {
        return Uni.createFrom().item(() -> read(message))
                .chain(event -> event.map(e -> processOnce(consumer, e, effect)).orElse(Uni.createFrom().voidItem()))
                .onItemOrFailure().transformToUni((done, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    LOG.errorf(failure, "%s could not process a record; it goes to the dead-letter topic", consumer);
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    /**
     * As {@link #consume} for a batch of records (one poll of a partition, in order), in one transaction: one
     * statement records every event id, then {@code effect} gets the events not processed before, in order.
     * Unreadable records go to the dead-letter topic on their own; if the batch fails, its records are consumed
     * one by one (each with its retries), so that only a record whose effect keeps failing goes there.
     */
    public Uni<Void> consumeAll(String consumer, List<? extends Message<String>> messages,
            Function<List<IntegrationEvent>, Uni<Void>> effect) {
        List<Message<String>> readable = new ArrayList<>();
        List<ReceivedEvent> events = new ArrayList<>();
        Uni<Void> settled = Uni.createFrom().voidItem();
        for (Message<String> message : messages) {
            try {
                read(message).ifPresent(events::add);
                readable.add(message);
            } catch (IllegalArgumentException unreadable) {
                settled = settled.chain(() -> consume(consumer, message, event -> Uni.createFrom().voidItem()));
            }
        }
        return settled.chain(() -> events.isEmpty() ? Uni.createFrom().voidItem() : processAllOnce(consumer, events, effect))
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
                        .chain(isFirstDelivery -> isFirstDelivery ? effect.apply(event.data()) : Uni.createFrom().voidItem()))
                .onFailure(failure -> !(failure instanceof IllegalArgumentException))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(config.retries());
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

    private Optional<ReceivedEvent> read(Message<String> message) {
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("record is not a CloudEvent"));
        Optional<EventType> type = EventType.fromType(cloudEvent.getType());
        if (type.isEmpty()) {
            LOG.debugf("Skipping event %s of unknown type %s", cloudEvent.getId(), cloudEvent.getType());
            return Optional.empty();
        }
        try {
            return Optional.of(new ReceivedEvent(cloudEvent.getId(),
                    objectMapper.readValue(message.getPayload(), type.get().dataClass())));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable " + cloudEvent.getType() + " event " + cloudEvent.getId(), e);
        }
    }

    private record ReceivedEvent(String id, IntegrationEvent data) {
    }
}
