package com.tradesignals.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.devices.DeviceRenamed;
import com.tradesignals.platform.outbox.Outbox;
import com.tradesignals.testsupport.KafkaTestResource;
import com.tradesignals.testsupport.PostgresTestResource;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TopicReader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every service relies on: an event commits with its change, is published once, and is applied once. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class OutboxAndInboxTest {

    @Inject
    Outbox outbox;

    @Inject
    Pool database;

    private final UUID userId = UUID.randomUUID();
    private TopicReader published;

    @BeforeEach
    void readTheTopic() {
        published = new TopicReader(Topics.DEVICES_LIFECYCLE);
    }

    @AfterEach
    void stopReading() {
        published.close();
    }

    @Test
    void aCommittedEventIsPublishedAsACloudEventAndARedeliveryIsAppliedOnce() throws Throwable {
        DeviceRenamed renamed = renamed("desk");
        inTransaction(() -> outbox.add(renamed));

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordOf(renamed), found -> found != null);
        assertThat(record.key()).isEqualTo(userId.toString());
        assertThat(header(record, "ce_type")).isEqualTo("device.renamed.v1");
        assertThat(header(record, "ce_source")).isEqualTo("device-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> namesOf(renamed.deviceId()).equals(List.of("desk")));
        assertThat(count("select count(*) from outbox_events")).isZero();

        TestKafka.publishCloudEvent(Topics.DEVICES_LIFECYCLE, record.key(), header(record, "ce_id"),
                header(record, "ce_type"), header(record, "ce_source"), record.value());
        DeviceRenamed later = renamed("laptop");
        inTransaction(() -> outbox.add(later));
        await().atMost(Duration.ofSeconds(30)).until(() -> namesOf(later.deviceId()).equals(List.of("laptop")));
        assertThat(namesOf(renamed.deviceId())).as("the redelivered event, consumed before the later one")
                .containsExactly("desk");
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverPublished() throws Throwable {
        DeviceRenamed rolledBack = renamed("never");
        assertThatThrownBy(() -> inTransaction(() -> outbox.add(rolledBack)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed")))))
                .hasMessageContaining("the change failed");
        DeviceRenamed committed = renamed("desk");
        inTransaction(() -> outbox.add(committed));

        await().atMost(Duration.ofSeconds(30)).until(() -> namesOf(committed.deviceId()).equals(List.of("desk")));
        assertThat(recordOf(rolledBack)).isNull();
        assertThat(namesOf(rolledBack.deviceId())).isEmpty();
    }

    private DeviceRenamed renamed(String name) {
        return new DeviceRenamed(UUID.randomUUID(), userId, 1, name, Instant.now());
    }

    private static <T> void inTransaction(Supplier<Uni<T>> work) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    private ConsumerRecord<String, String> recordOf(DeviceRenamed event) {
        return published.records().stream()
                .filter(record -> record.value().contains(event.deviceId().toString()))
                .findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private List<String> namesOf(UUID deviceId) {
        return database.preparedQuery("select name from renamed_devices where device_id = $1")
                .execute(Tuple.of(deviceId)).await().indefinitely()
                .stream().map(row -> row.getString("name")).toList();
    }

    private long count(String query) {
        Row row = database.query(query).execute().await().indefinitely().iterator().next();
        return row.getLong(0);
    }
}
