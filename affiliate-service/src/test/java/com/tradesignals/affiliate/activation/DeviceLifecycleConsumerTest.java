package com.tradesignals.affiliate.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeviceLifecycleConsumerTest {

    @Inject
    Pool database;

    @Inject
    ObjectMapper json;

    @Test
    void aDeliveredTwiceRegistrationIsRecordedOnce() throws Exception {
        UUID user = UUID.randomUUID();
        UUID device = UUID.randomUUID();
        String eventId = TestKafka.newEventId();
        String data = json.writeValueAsString(new DeviceRegistered(device, user, 1, "MT4", Instant.now()));

        TestKafka.publishCloudEvent(EventType.DEVICE_REGISTERED.topic(), user.toString(), eventId,
                EventType.DEVICE_REGISTERED.type(), data);
        TestKafka.publishCloudEvent(EventType.DEVICE_REGISTERED.topic(), user.toString(), eventId,
                EventType.DEVICE_REGISTERED.type(), data);
        UUID marker = UUID.randomUUID();
        TestKafka.publishCloudEvent(EventType.DEVICE_REGISTERED.topic(), user.toString(), TestKafka.newEventId(),
                EventType.DEVICE_REGISTERED.type(),
                json.writeValueAsString(new DeviceRegistered(marker, user, 1, "marker", Instant.now())));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("user_devices where device_id = $1", marker) == 1);
        assertThat(count("user_devices where user_id = $1", user)).isEqualTo(2);
        assertThat(count("processed_events where event_id = $1", eventId)).isEqualTo(1);
    }

    private long count(String fromWhere, Object parameter) {
        return database.preparedQuery("select count(*) from " + fromWhere)
                .execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}
