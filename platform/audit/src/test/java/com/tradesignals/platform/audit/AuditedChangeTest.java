package com.tradesignals.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.devices.DeviceRenamed;
import com.tradesignals.testsupport.KafkaTestResource;
import com.tradesignals.testsupport.PostgresTestResource;
import com.tradesignals.testsupport.TopicReader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A change's event and its audit entry are recorded by one call, and commit together or not at all. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class AuditedChangeTest {

    @Inject
    AuditLog audit;

    @Inject
    Pool database;

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
    void aCommittedChangeHasItsAuditEntryAndItsEventInHibernateAndOnTheSqlClient() throws Throwable {
        DeviceRenamed byHibernate = renamed("desk");
        DeviceRenamed bySqlClient = renamed("laptop");

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> audit.recordChange(byHibernate,
                "user:" + byHibernate.userId(), "device.renamed", target(byHibernate), Map.of("name", "desk"))));
        database.withTransaction(transaction -> audit.recordChange(transaction, bySqlClient,
                "user:" + bySqlClient.userId(), "device.renamed", target(bySqlClient), Map.of("name", "laptop")))
                .await().indefinitely();

        assertThat(auditDetailsOf(byHibernate)).containsExactly("{\"name\":\"desk\"}");
        assertThat(auditDetailsOf(bySqlClient)).containsExactly("{\"name\":\"laptop\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(publishedFor(byHibernate)).isOne());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(publishedFor(bySqlClient)).isOne());
    }

    @Test
    void aChangeThatFailsLeavesNeitherAnAuditEntryNorAnEvent() throws Throwable {
        DeviceRenamed failed = renamed("never");
        assertThatThrownBy(() -> inHibernateTransaction(() -> audit.recordChange(failed, "user:" + failed.userId(),
                "device.renamed", target(failed), Map.of())
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed")))))
                .hasMessageContaining("the change failed");
        DeviceRenamed committed = renamed("desk");
        inHibernateTransaction(() -> audit.recordChange(committed, "user:" + committed.userId(), "device.renamed",
                target(committed), Map.of()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(publishedFor(committed)).isOne());
        assertThat(publishedFor(failed)).isZero();
        assertThat(auditDetailsOf(failed)).isEmpty();
    }

    private static <T> void inHibernateTransaction(Supplier<Uni<T>> work) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    private static DeviceRenamed renamed(String name) {
        return new DeviceRenamed(UUID.randomUUID(), UUID.randomUUID(), 1, name, Instant.now());
    }

    private static String target(DeviceRenamed event) {
        return "device:" + event.deviceId();
    }

    private List<String> auditDetailsOf(DeviceRenamed event) {
        return database.preparedQuery("select details from audit_log where target = $1 and action = 'device.renamed'")
                .execute(Tuple.of(target(event))).await().indefinitely()
                .stream().map(row -> row.getString("details")).toList();
    }

    private long publishedFor(DeviceRenamed event) {
        return published.records().stream()
                .filter(record -> record.value().contains(event.deviceId().toString())).count();
    }
}
