package com.tradesignals.execution.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.contracts.events.devices.DeviceRevoked;
import com.tradesignals.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeviceLifecycleConsumerTest {

    @Inject
    Pool database;

    @Inject
    ObjectMapper json;

    @Test
    void aDeviceRegisteredElsewhereBecomesKnownAndAReplayedEventHasNoSecondEffect() throws Exception {
        UUID user = UUID.randomUUID();
        UUID device = UUID.randomUUID();
        String registeredEventId = TestKafka.newEventId();
        DeviceRegistered registered = new DeviceRegistered(device, user, 1, "MT5", Instant.now());

        publish(registeredEventId, registered);
        await().atMost(Duration.ofSeconds(30)).until(() -> isActive(device) != null);
        assertThat(isActive(device)).isTrue();

        publish(TestKafka.newEventId(), new DeviceRevoked(device, user, 1, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(isActive(device)));

        // The same registration again, same event id: already processed, so the device stays revoked.
        // A marker event for the same user (same partition, so consumed after the replay) tells when it was seen.
        publish(registeredEventId, registered);
        UUID marker = UUID.randomUUID();
        publish(TestKafka.newEventId(), new DeviceRegistered(marker, user, 1, "marker", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> isActive(marker) != null);
        assertThat(isActive(device)).isFalse();
        assertThat(timesProcessed(registeredEventId)).isEqualTo(1);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopic() {
        String eventId = TestKafka.newEventId();
        TestKafka.publishCloudEvent(Topics.DEVICES_LIFECYCLE, UUID.randomUUID().toString(), eventId,
                EventType.DEVICE_REGISTERED.type(), "{not json");

        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                    .fromTopics(Topics.deadLetterTopic(Topics.DEVICES_LIFECYCLE, "execution-service"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters.getRecords())
                    .anySatisfy(record -> assertThat(record.value()).isEqualTo("{not json")));
            deadLetters.stop();
        }
    }

    private void publish(String eventId, IntegrationEvent event) throws Exception {
        EventType type = EventType.of(event);
        TestKafka.publishCloudEvent(type.topic(), event.userId().toString(), eventId, type.type(),
                json.writeValueAsString(event));
    }

    private Boolean isActive(UUID device) {
        Iterator<Row> rows = database.preparedQuery("select is_active from known_devices where device_id = $1")
                .execute(Tuple.of(device)).await().atMost(Duration.ofSeconds(5)).iterator();
        return rows.hasNext() ? rows.next().getBoolean(0) : null;
    }

    private long timesProcessed(String eventId) {
        return database.preparedQuery("select count(*) from processed_events where event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}
