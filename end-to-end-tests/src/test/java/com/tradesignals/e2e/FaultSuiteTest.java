package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.testsupport.KafkaBroker;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.deviceclient.DeviceClient;
import com.tradesignals.testsupport.ServiceProcess;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system's guarantees under faults, on the real processes: a stream of signed fills goes through the gateway
 * while Kafka, a service or a database is killed or cut off, and after recovery every fill answered 2xx is stored
 * once and earns its commissions exactly once per level, the balances add up, and no record was dead-lettered
 * that the case did not mean to. Each case has its own users. See docs/reliability.md.
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    /** Time for everything to settle after a fault: a killed consumer's group session (45 s) plus catching up. */
    private static final Duration CONVERGENCE = Duration.ofSeconds(120);
    private static final Duration PACE = Duration.ofMillis(100);
    private static final String AFFILIATE_GROUP = "affiliate-service";
    /** As long as the issue's measured outage (a PostgreSQL restart): the old inbox gave up after ~3.5 s. */
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(20);
    private static final int SIGNALS_DURING_OUTAGE = 5;
    /** The gateway's proxy_read_timeout: a poll answered later than this hung. */
    private static final Duration GATEWAY_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Long polls parked on the device-service replica that a rolling restart stops; devices.max-per-user each. */
    private static final int FLEET_SIZE = 1000;
    private static final int DEVICES_PER_OWNER = 10;
    private static final int PAYOUTS_ON_TWO_REPLICAS = 30;

    private final SystemUnderTest system = SystemUnderTest.shared();

    @TempDir
    Path storage;

    @Test
    @Order(1)
    void fillsAcceptedWhileKafkaIsDownAllBecomeCommissionsOnce() throws Exception {
        assumeTrue(KafkaBroker.shared().isOwnBroker(), "TEST_KAFKA_BOOTSTRAP_SERVERS names a broker this test cannot kill");
        ReferredTrader chain = ReferredTrader.signUp(system, storage);
        DeadLetters deadLetters = DeadLetters.markNow(system);
        try (FillStream stream = FillStream.start(chain, PACE)) {
            stream.awaitAnswered(10, Duration.ofSeconds(30));
            KafkaBroker.shared().kill();
            int beforeOutage = stream.answeredCount();
            holdOutageOpen(Duration.ofSeconds(20));
            int duringOutage = stream.answeredCount() - beforeOutage;
            KafkaBroker.shared().restart();
            stream.awaitAnswered(10, Duration.ofSeconds(30));
            Map<String, String> answered = stream.stop();

            assertThat(duringOutage).as("fills answered 2xx while Kafka was down (the outbox keeps them)").isPositive();
            assertThat(stream.refusals()).as("no fill refused while Kafka was down").isEmpty();
            assertConverged(chain, answered, stream);
        }
        assertThat(deadLetters.since()).as("dead letters").isEmpty();
    }

    @Test
    @Order(2)
    void fillsAroundAKilledExecutionServiceOrAffiliateServiceAreNeitherLostNorDoubled() throws Exception {
        ReferredTrader chain = ReferredTrader.signUp(system, storage);
        DeadLetters deadLetters = DeadLetters.markNow(system);
        try (FillStream stream = FillStream.start(chain, PACE)) {
            stream.awaitAnswered(10, Duration.ofSeconds(30));
            system.executionService.kill();
            await("the gateway refuses fills while execution-service is down").atMost(Duration.ofSeconds(10))
                    .until(() -> !stream.refusals().isEmpty());
            system.executionService.restart();
            stream.awaitAnswered(10, Duration.ofSeconds(30));

            system.affiliateService.kill();
            holdOutageOpen(Duration.ofSeconds(5));
            system.affiliateService.restart();
            stream.awaitAnswered(10, Duration.ofSeconds(30));
            Map<String, String> answered = stream.stop();

            assertThat(stream.refusals()).as("answers while execution-service was down").allSatisfy(refusal -> {
                assertThat(refusal.status()).as(refusal.toString()).isEqualTo(503);
                assertThat(refusal.body()).contains("/problems/service-unavailable");
                assertThat(refusal.retryAfter()).isNotNull();
                assertThat(refusal.took()).as("answered, not hung").isLessThan(Duration.ofSeconds(6));
            });
            assertConverged(chain, answered, stream);
        }
        assertThat(deadLetters.since()).as("dead letters").isEmpty();
    }

    @Test
    @Order(3)
    void affiliateServiceWaitsOutItsDatabaseOutageAndLosesNothing() throws Exception {
        ReferredTrader chain = ReferredTrader.signUp(system, storage);
        DeadLetters deadLetters = DeadLetters.markNow(system);
        try (FillStream stream = FillStream.start(chain, PACE)) {
            stream.awaitAnswered(10, Duration.ofSeconds(30));
            system.postgres().refuseConnections(system.affiliateDatabase);
            try {
                await("affiliate-service answers 503 while its database is unreachable").atMost(Duration.ofSeconds(15))
                        .untilAsserted(() -> {
                            Response answer = chain.referrer.api().get("/api/v1/affiliates/balances");
                            assertThat(answer.statusCode()).isEqualTo(503);
                            assertThat(answer.contentType()).startsWith("application/problem+json");
                            assertThat(answer.header("Retry-After")).isNotNull();
                        });
                holdOutageOpen(DATABASE_OUTAGE);
            } finally {
                system.postgres().acceptConnections(system.affiliateDatabase);
            }
            stream.awaitAnswered(10, Duration.ofSeconds(30));
            Map<String, String> answered = stream.stop();
            assertConverged(chain, answered, stream);
        }
        assertThat(deadLetters.since()).as("dead letters").isEmpty();
    }

    @Test
    @Order(4)
    void replayingExecutionsFromTheStartChangesNoBalance() throws Exception {
        ReferredTrader chain = ReferredTrader.signUp(system, storage);
        DeadLetters deadLetters = DeadLetters.markNow(system);
        Map<String, String> answered;
        try (FillStream stream = FillStream.start(chain, PACE)) {
            stream.awaitAnswered(20, Duration.ofSeconds(30));
            answered = stream.stop();
            assertConverged(chain, answered, stream);
        }
        JsonPath referrerBefore = ReferredTrader.balances(chain.referrer);
        JsonPath uplineBefore = ReferredTrader.balances(chain.upline);

        system.affiliateService.stop();
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(AFFILIATE_GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Set<TopicPartition> executions = committed.keySet().stream()
                    .filter(partition -> partition.topic().equals(Topics.EXECUTIONS)).collect(Collectors.toSet());
            assertThat(executions).as("affiliate-service's committed offsets on " + Topics.EXECUTIONS).isNotEmpty();
            admin.alterConsumerGroupOffsets(AFFILIATE_GROUP, executions.stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> new OffsetAndMetadata(0))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        system.affiliateService.restart();
        await("affiliate-service has consumed " + Topics.EXECUTIONS + " again to its end").atMost(CONVERGENCE)
                .until(this::affiliateServiceCaughtUpOnExecutions);

        assertSameBalances(ReferredTrader.balances(chain.referrer), referrerBefore);
        assertSameBalances(ReferredTrader.balances(chain.upline), uplineBefore);
        assertThat(deadLetters.since()).as("dead letters").isEmpty();
    }

    @Test
    @Order(5)
    void aPoisonRecordAloneIsDeadLetteredAndLaterFillsStillEarn() throws Exception {
        ReferredTrader chain = ReferredTrader.signUp(system, storage);
        DeadLetters deadLetters = DeadLetters.markNow(system);
        String poisonId = TestKafka.newEventId();
        try (FillStream stream = FillStream.start(chain, PACE)) {
            stream.awaitAnswered(5, Duration.ofSeconds(30));
            TestKafka.publishCloudEvent(Topics.EXECUTIONS, chain.trader.id().toString(), poisonId,
                    EventType.EXECUTION_FILL_RECORDED.type(), "{\"fill_id\": not json");
            stream.awaitAnswered(10, Duration.ofSeconds(30));
            Map<String, String> answered = stream.stop();
            assertConverged(chain, answered, stream);
        }
        await("the poison record is dead-lettered").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> letters = deadLetters.since();
            assertThat(letters).as("dead letters").hasSize(1);
            ConsumerRecord<String, String> letter = letters.get(0);
            assertThat(letter.topic()).isEqualTo(Topics.EXECUTIONS + ".affiliate-service.dlq");
            assertThat(header(letter, "ce_id")).isEqualTo(poisonId);
            assertThat(header(letter, "dead-letter-reason")).isEqualTo("unreadable");
        });
    }

    @Test
    @Order(6)
    void fiftyConcurrentPayoutsNeverPayMoreThanWasAvailable() throws Exception {
        ReferredTrader chain = ReferredTrader.signUp(system, storage);
        DeadLetters deadLetters = DeadLetters.markNow(system);
        try (FillStream stream = FillStream.start(chain, PACE)) {
            stream.awaitAnswered(30, Duration.ofSeconds(30));
            Map<String, String> answered = stream.stop();
            assertConverged(chain, answered, stream);
        }
        User referrer = chain.referrer;
        referrer.api().body(Map.of("type", "BANK_TRANSFER", "iban", "GB82 WEST 1234 5698 7654 32", "holder_name", "R"))
                .put("/api/v1/affiliates/payout-method").then().statusCode(201);
        // No holding period here: the payout job releases every commission within a second or two.
        await("everything earned is available").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath balances = ReferredTrader.balances(referrer);
            assertDecimal(balances.getString("available"), new BigDecimal(balances.getString("earned")));
        });
        BigDecimal available = new BigDecimal(ReferredTrader.balances(referrer).getString("available"));
        assertThat(available).as("available before the payouts").isGreaterThanOrEqualTo(new BigDecimal("5.00"));

        ExecutorService clients = Executors.newFixedThreadPool(50);
        List<CompletableFuture<Response>> requests = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                String key = chain.signalId + "-payout-" + i;
                requests.add(CompletableFuture.supplyAsync(() -> referrer.api().header("Idempotency-Key", key)
                        .body(Map.of("amount", "1.00")).post("/api/v1/affiliates/payout"), clients));
            }
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            clients.shutdown();
        }
        List<String> created = new ArrayList<>();
        for (CompletableFuture<Response> request : requests) {
            Response answer = request.get();
            assertThat(answer.statusCode()).as(answer.asString()).isIn(201, 409, 422);
            if (answer.statusCode() == 201) {
                created.add(answer.path("payout_id"));
            }
        }
        BigDecimal requested = new BigDecimal(created.size());
        assertThat(requested).as("payouts accepted").isLessThanOrEqualTo(available).isPositive();
        for (String payoutId : created) {
            await("payout " + payoutId + " completes").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    referrer.api().get("/api/v1/affiliates/payouts/" + payoutId).then().statusCode(200)
                            .body("status", equalTo("COMPLETED")));
        }
        JsonPath after = ReferredTrader.balances(referrer);
        assertDecimal(after.getString("paid"), requested);
        assertDecimal(after.getString("reserved"), BigDecimal.ZERO);
        assertDecimal(after.getString("available"), available.subtract(requested));
        assertBalancesAddUp(after);
        assertThat(deadLetters.since()).as("dead letters").isEmpty();
    }

    @Test
    @Order(7)
    void executionServiceAndDeviceServiceWaitOutTheirDatabaseOutagesAndLoseNothing() throws Exception {
        ReferredTrader chain = ReferredTrader.signUp(system, storage);
        User owner = User.signUp(system);
        DeviceClient terminal = new DeviceClient(URI.create(system.gateway), storage.resolve("polling-terminal.json"));
        assertThat(terminal.register(owner.token(), "terminal polling through the outage").statusCode()).isEqualTo(201);
        DeadLetters deadLetters = DeadLetters.markNow(system);
        List<String> issued = new ArrayList<>();
        try (FillStream stream = FillStream.start(chain, PACE); DevicePoller poller = DevicePoller.start(terminal)) {
            stream.awaitAnswered(10, Duration.ofSeconds(30));
            // Both databases in one outage: the fills need only execution-service, the signals both services.
            system.postgres().refuseConnections(system.executionDatabase);
            system.postgres().refuseConnections(system.deviceDatabase);
            try {
                for (int i = 0; i < SIGNALS_DURING_OUTAGE; i++) {
                    issued.add(publishSignal(owner).toString());
                    holdOutageOpen(DATABASE_OUTAGE.dividedBy(SIGNALS_DURING_OUTAGE));
                }
            } finally {
                system.postgres().acceptConnections(system.executionDatabase);
                system.postgres().acceptConnections(system.deviceDatabase);
            }
            stream.awaitAnswered(10, Duration.ofSeconds(30));
            Map<String, String> answered = stream.stop();

            assertThat(stream.refusals()).as("fills refused while execution-service's database was unreachable")
                    .isNotEmpty().allSatisfy(refusal -> {
                        assertThat(refusal.status()).as(refusal.toString()).isEqualTo(503);
                        assertThat(refusal.body()).contains("/problems/service-unavailable");
                        assertThat(refusal.retryAfter()).as(refusal.toString()).isNotNull();
                    });
            assertConverged(chain, answered, stream);
            await("the signals issued during the outage reach the polling device").atMost(Duration.ofSeconds(60))
                    .until(() -> poller.received().size() >= issued.size());
            assertThat(poller.received()).as("signals delivered, in the order issued, each once")
                    .containsExactlyElementsOf(issued);
            assertThat(poller.statuses()).as("answers to the device's polls (-1: none)").isNotEmpty()
                    .allSatisfy(status -> assertThat(status).isIn(200, 503));
        }
        assertThat(deadLetters.since()).as("dead letters").isEmpty();
    }

    @Test
    @Order(8)
    void aRollingRestartOfDeviceServiceAnswersEveryParkedPollAndTheOtherReplicaDeliversOnce() throws Exception {
        DeadLetters deadLetters = DeadLetters.markNow(system);
        List<User> owners = new ArrayList<>();
        for (int i = 0; i < FLEET_SIZE / DEVICES_PER_OWNER; i++) {
            owners.add(User.signUp(system));
        }
        DeviceFleet fleet = DeviceFleet.register(system.deviceServiceReplica, owners, DEVICES_PER_OWNER);
        ServiceProcess leaving = system.secondDeviceService;
        try {
            // Parked directly on the replica the gateway does not route to: the gateway's one upstream stays up.
            List<CompletableFuture<DeviceFleet.Answer>> parked = fleet.terminals.stream()
                    .map(terminal -> fleet.poll(system.deviceServiceReplica, terminal, 0, 25)).toList();
            await(FLEET_SIZE + " polls parked on the replica being restarted").atMost(Duration.ofSeconds(20))
                    .until(() -> parkedPolls(leaving) == FLEET_SIZE);
            CompletableFuture<Instant> exited = leaving.onExit().thenApply(process -> Instant.now());
            Instant terminated = Instant.now();
            CompletableFuture.runAsync(leaving::stop);

            List<DeviceFleet.Answer> drained = DeviceFleet.joinAll(parked, Duration.ofSeconds(20));
            Duration drain = Duration.between(terminated, exited.get(30, TimeUnit.SECONDS));
            assertThat(drained).as("answers to the parked polls").hasSize(FLEET_SIZE).allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.deliveries()).isEmpty();
            });
            assertThat(drain).as("SIGTERM to exit, well within the 20 s before a SIGKILL").isLessThan(Duration.ofSeconds(15));

            // The devices poll again through the gateway, which routes to the replica that stays.
            List<CompletableFuture<DeviceFleet.Answer>> next = new ArrayList<>();
            for (DeviceFleet.Answer answer : drained) {
                next.add(fleet.pollUntilDelivered(system.gateway, answer.terminal(), answer.cursor(), 3));
                paceForTheGateway(next.size());
            }
            await(FLEET_SIZE + " polls parked on the replica that stays").atMost(Duration.ofSeconds(20))
                    .until(() -> parkedPolls(system.firstDeviceService) >= FLEET_SIZE);
            Map<UUID, String> signals = new java.util.HashMap<>();
            for (User owner : owners) {
                signals.put(owner.id(), publishSignal(owner).toString());
            }
            List<DeviceFleet.Answer> delivered = DeviceFleet.joinAll(next, Duration.ofSeconds(90));
            assertThat(delivered).as("answers after the restart").hasSize(FLEET_SIZE).allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.deliveries()).as(answer.body().toString()).hasSize(1)
                        .allSatisfy(delivery -> assertThat(delivery.get("signal_id").asText())
                                .isEqualTo(signals.get(answer.terminal().owner().id())));
            });
            List<CompletableFuture<DeviceFleet.Answer>> after = new ArrayList<>();
            for (DeviceFleet.Answer answer : delivered) {
                after.add(fleet.poll(system.gateway, answer.terminal(), answer.cursor(), 0));
                paceForTheGateway(after.size());
            }
            assertThat(DeviceFleet.joinAll(after, Duration.ofSeconds(60))).as("polls after acknowledging the signal")
                    .allSatisfy(answer -> {
                        assertThat(answer.status()).isEqualTo(200);
                        assertThat(answer.deliveries()).as("delivered once").isEmpty();
                    });
        } finally {
            if (leaving.onExit().isDone()) {
                leaving.restart();
            }
        }
        assertThat(deadLetters.since()).as("dead letters").isEmpty();
    }

    @Test
    @Order(9)
    void thePayoutJobOnTwoReplicasSendsEachPayoutOnceAndNeverMoreThanTheBalance() throws Exception {
        DeadLetters deadLetters = DeadLetters.markNow(system);
        CompletableFuture<ServiceProcess> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return system.startAffiliateReplica();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        User affiliate = User.signUp(system);
        affiliate.api().post("/api/v1/affiliates/register").then().statusCode(anyOf(equalTo(200), equalTo(201)));
        affiliate.api().body(Map.of("type", "BANK_TRANSFER", "iban", "GB82 WEST 1234 5698 7654 32", "holder_name", "A"))
                .put("/api/v1/affiliates/payout-method").then().statusCode(201);
        BigDecimal credited = new BigDecimal(PAYOUTS_ON_TWO_REPLICAS);
        User.admin(system).api().body(Map.of("amount", credited.toPlainString(), "reason", "fault suite: two payout jobs"))
                .post("/api/v1/affiliates/admin/affiliates/" + affiliate.id() + "/adjustments").then().statusCode(201);
        ServiceProcess replica = starting.get(180, TimeUnit.SECONDS);
        List<String> created = new ArrayList<>();
        try {
            // More requests than the balance covers, while both payout jobs run every second.
            ExecutorService clients = Executors.newFixedThreadPool(10);
            List<CompletableFuture<Response>> requests = new ArrayList<>();
            try {
                for (int i = 0; i < PAYOUTS_ON_TWO_REPLICAS + 10; i++) {
                    String key = affiliate.id() + "-" + i;
                    requests.add(CompletableFuture.supplyAsync(() -> affiliate.api().header("Idempotency-Key", key)
                            .body(Map.of("amount", "1.00")).post("/api/v1/affiliates/payout"), clients));
                }
                CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } finally {
                clients.shutdown();
            }
            for (CompletableFuture<Response> request : requests) {
                Response answer = request.get();
                assertThat(answer.statusCode()).as(answer.asString()).isIn(201, 409, 422);
                if (answer.statusCode() == 201) {
                    created.add(answer.path("payout_id"));
                }
            }
            assertThat(created).as("payouts accepted").isNotEmpty().hasSizeLessThanOrEqualTo(PAYOUTS_ON_TWO_REPLICAS);
            await(created.size() + " payouts completed").atMost(Duration.ofSeconds(60)).until(() ->
                    payoutAttempts(affiliate).values().stream().allMatch(row -> row.startsWith("COMPLETED")));
        } finally {
            replica.stop();
        }
        Map<String, String> rows = payoutAttempts(affiliate);
        assertThat(rows).as("payouts table: status and times sent to the provider")
                .containsOnlyKeys(created).allSatisfy((id, row) -> assertThat(row).isEqualTo("COMPLETED 1"));
        Map<String, List<String>> events = payoutStatusEvents(Set.copyOf(created));
        assertThat(events).as("payout-status-changed events on " + Topics.AFFILIATES + ", by payout")
                .containsOnlyKeys(created)
                .allSatisfy((id, statuses) -> assertThat(statuses).containsExactlyInAnyOrder("PENDING", "PROCESSING", "COMPLETED"));
        JsonPath balances = ReferredTrader.balances(affiliate);
        BigDecimal paid = new BigDecimal(created.size());
        assertDecimal(balances.getString("paid"), paid);
        assertDecimal(balances.getString("available"), credited.subtract(paid));
        assertDecimal(balances.getString("reserved"), BigDecimal.ZERO);
        assertBalancesAddUp(balances);
        assertThat(deadLetters.since()).as("dead letters").isEmpty();
    }

    @Test
    @Order(10)
    void aTerminalPollingThroughAKilledDeviceServiceGetsEverySignalOnceInOrder() throws Exception {
        User owner = User.signUp(system);
        DeviceClient terminal = new DeviceClient(URI.create(system.gateway), storage.resolve("crash-terminal.json"));
        assertThat(terminal.register(owner.token(), "terminal polling through a crash").statusCode()).isEqualTo(201);
        DeadLetters deadLetters = DeadLetters.markNow(system);
        ServiceProcess crashing = system.firstDeviceService;
        List<String> issued = new ArrayList<>();
        try (DevicePoller poller = DevicePoller.start(terminal)) {
            issued.add(publishSignal(owner).toString());
            await("a signal reaches the terminal before the crash").atMost(Duration.ofSeconds(30))
                    .until(() -> poller.received().size() == 1);
            crashing.kill();
            for (int i = 0; i < SIGNALS_DURING_OUTAGE; i++) {
                issued.add(publishSignal(owner).toString());
            }
            await("the gateway answers the terminal 503 while device-service is down").atMost(Duration.ofSeconds(15))
                    .until(() -> poller.statuses().contains(503));
            crashing.restart();
            // The killed member holds its signals.v1 partitions until its session (45 s) expires.
            await(issued.size() + " signals reach the terminal").atMost(CONVERGENCE)
                    .until(() -> poller.received().size() >= issued.size());
            int answered = poller.answers().size();
            await("the terminal acknowledges them with its next poll").atMost(Duration.ofSeconds(30))
                    .until(() -> poller.answers().size() > answered);

            assertThat(poller.received()).as("signals delivered, in the order issued, each once")
                    .containsExactlyElementsOf(issued);
            assertThat(poller.answers()).as("answers to the terminal's polls").allSatisfy(answer -> {
                assertThat(answer.status()).as(answer.toString()).isIn(200, 503);
                if (answer.status() == 503) {
                    assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
                }
                assertThat(answer.took()).as("answered before the gateway's read timeout, not hung")
                        .isLessThan(GATEWAY_READ_TIMEOUT);
            });
        } finally {
            if (crashing.onExit().isDone()) {
                crashing.restart();
            }
        }
        assertThat(deadLetters.since()).as("dead letters").isEmpty();
    }

    @Test
    @Order(11)
    void aPoisonRecordOnEachConsumedTopicIsDeadLetteredByEachConsumerAndLaterEventsApply() throws Exception {
        User owner = User.signUp(system);
        DeadLetters deadLetters = DeadLetters.markNow(system);
        String poisonSignal = TestKafka.newEventId();
        String poisonDevice = TestKafka.newEventId();
        // Keyed by the owner like the events that follow: one partition, so every consumer meets the poison first.
        TestKafka.publishCloudEvent(Topics.SIGNALS, owner.id().toString(), poisonSignal,
                EventType.SIGNAL_ISSUED.type(), "{\"signal_id\": not json");
        TestKafka.publishCloudEvent(Topics.DEVICES_LIFECYCLE, owner.id().toString(), poisonDevice,
                EventType.DEVICE_REGISTERED.type(), "{\"device_id\": not json");
        DeviceClient terminal = new DeviceClient(URI.create(system.gateway), storage.resolve("poison-terminal.json"));
        HttpResponse<String> registered = terminal.register(owner.token(), "terminal registered after a poison record");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        UUID deviceId = UUID.fromString(JsonPath.from(registered.body()).getString("device_id"));
        try (DevicePoller poller = DevicePoller.start(terminal)) {
            String signalId = publishSignal(owner).toString();
            await("device-service delivers the signal after the poison").atMost(CONVERGENCE)
                    .until(() -> !poller.received().isEmpty());
            assertThat(poller.received()).as("signals delivered").containsExactly(signalId);
            // 202 (AWAITING_SIGNAL) until execution-service has the signal: the report then waits and is applied.
            String filledAt = Instant.now().toString();
            await("execution-service knows the device registered after the poison").atMost(CONVERGENCE)
                    .until(() -> terminal.report("fill", Map.of("signal_id", signalId, "trade_id", "P-1",
                            "price", "1.27015", "size", "0.10", "filled_at", filledAt),
                            Map.of("report-id", "fill-P-1")).statusCode() / 100 == 2);
            await("execution-service applies the fill to the signal issued after the poison").atMost(CONVERGENCE)
                    .untilAsserted(() -> {
                        HttpResponse<String> status = terminal.signed("GET", "/api/v1/exec/status/" + signalId, "", null);
                        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
                        JsonPath execution = JsonPath.from(status.body());
                        assertThat(execution.getList("executions.fills.flatten().trade_id", String.class))
                                .as(status.body()).containsExactly("P-1");
                        assertThat(execution.getList("executions.fills.flatten().status", String.class))
                                .as(status.body()).containsExactly("APPLIED");
                    });
        }
        await("affiliate-service knows the device registered after the poison").atMost(CONVERGENCE)
                .until(() -> affiliateServiceKnowsDevice(deviceId));
        await("each consumer dead-letters the poison on its topic, and nothing else").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deadLetters.since().stream().map(letter -> letter.topic() + " "
                        + header(letter, "ce_id") + " " + header(letter, "dead-letter-reason")).toList())
                        .as("dead letters: topic, ce_id, reason").containsExactlyInAnyOrder(
                                unreadable(Topics.SIGNALS, "device-service", poisonSignal),
                                unreadable(Topics.SIGNALS, "execution-service", poisonSignal),
                                unreadable(Topics.DEVICES_LIFECYCLE, "execution-service", poisonDevice),
                                unreadable(Topics.DEVICES_LIFECYCLE, "affiliate-service", poisonDevice)));
    }

    /** A dead letter as the poison case lists them: its topic, ce_id and reason. */
    private static String unreadable(String topic, String consumer, String eventId) {
        return Topics.deadLetterTopic(topic, consumer) + " " + eventId + " unreadable";
    }

    private boolean affiliateServiceKnowsDevice(UUID deviceId) throws Exception {
        try (Connection connection = DriverManager.getConnection(system.postgres().jdbcUrl(system.affiliateDatabase),
                system.postgres().user(), system.postgres().password());
                PreparedStatement query = connection.prepareStatement(
                        "select 1 from user_devices where device_id = ?")) {
            query.setObject(1, deviceId);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /** payout id → "STATUS attempts" for the affiliate's payouts, straight from affiliate-service's database. */
    private Map<String, String> payoutAttempts(User affiliate) throws Exception {
        Map<String, String> rows = new java.util.HashMap<>();
        try (Connection connection = DriverManager.getConnection(system.postgres().jdbcUrl(system.affiliateDatabase),
                system.postgres().user(), system.postgres().password());
                PreparedStatement query = connection.prepareStatement(
                        "select id, status, attempts from commission_payouts where referrer_id = ?")) {
            query.setObject(1, affiliate.id());
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString("id"), result.getString("status") + " " + result.getInt("attempts"));
                }
            }
        }
        return rows;
    }

    /** payout id → the statuses its distinct payout-status-changed events announced (a redelivery counts once). */
    private Map<String, List<String>> payoutStatusEvents(Set<String> payoutIds) throws Exception {
        Map<String, Map<String, String>> byPayout = new java.util.HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AFFILIATES).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                assertThat(System.nanoTime()).as("read " + Topics.AFFILIATES + " to its end in time").isLessThan(deadline);
                for (ConsumerRecord<String, String> event : consumer.poll(Duration.ofMillis(500))) {
                    if (!EventType.AFFILIATE_PAYOUT_STATUS_CHANGED.type().equals(header(event, "ce_type"))) {
                        continue;
                    }
                    JsonPath data = JsonPath.from(event.value());
                    if (payoutIds.contains(data.getString("payout_id"))) {
                        byPayout.computeIfAbsent(data.getString("payout_id"), id -> new java.util.HashMap<>())
                                .put(header(event, "ce_id"), data.getString("status"));
                    }
                }
            }
        }
        Map<String, List<String>> statuses = new java.util.HashMap<>();
        byPayout.forEach((id, events) -> statuses.put(id, List.copyOf(events.values())));
        return statuses;
    }

    /**
     * Sends a fleet's polls through the gateway at 400 a second, under the per-client rate it allows one address
     * (500 r/s; every terminal here shares the test's address).
     */
    private static void paceForTheGateway(int sent) throws InterruptedException {
        if (sent % 40 == 0) {
            Thread.sleep(100);
        }
    }

    private static double parkedPolls(ServiceProcess service) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines().filter(line -> line.startsWith("device_polls_parked"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** A market signal for the owner's devices, as signals-api issues it; answers its id. */
    private static UUID publishSignal(User owner) {
        UUID signalId = UUID.randomUUID();
        Instant now = Instant.now();
        TestKafka.publishCloudEvent(EventType.SIGNAL_ISSUED.topic(), owner.id().toString(), TestKafka.newEventId(),
                EventType.SIGNAL_ISSUED.type(), "{\"signal_id\":\"" + signalId + "\",\"user_id\":\"" + owner.id()
                        + "\",\"instrument\":\"GBPUSD\",\"side\":\"BUY\",\"order_type\":\"MARKET\",\"size\":\"0.10\","
                        + "\"price\":\"1.27010\",\"stop_loss\":null,\"take_profit\":null,\"issued_at\":\"" + now
                        + "\",\"expires_at\":\"" + now.plus(Duration.ofMinutes(30)) + "\"}");
        return signalId;
    }

    /**
     * Every fill answered 2xx was applied once (FILL_APPLIED, or DUPLICATE_TRADE for a resend whose first answer
     * was lost), execution-service lists each once, and each earned its commission once per level.
     */
    private static void assertConverged(ReferredTrader chain, Map<String, String> answered, FillStream stream)
            throws Exception {
        Set<String> resent = stream.refusals().stream().map(FillStream.Refusal::tradeId).collect(Collectors.toSet());
        answered.forEach((tradeId, outcome) -> assertThat(outcome.equals("FILL_APPLIED")
                || outcome.equals("DUPLICATE_TRADE") && resent.contains(tradeId))
                .as(tradeId + " answered " + outcome).isTrue());
        BigDecimal fills = new BigDecimal(answered.size());
        await(answered.size() + " fills earn their commissions").atMost(CONVERGENCE).untilAsserted(() -> {
            JsonPath referrer = ReferredTrader.balances(chain.referrer);
            JsonPath upline = ReferredTrader.balances(chain.upline);
            assertDecimal(referrer.getString("earned"), ReferredTrader.REFERRER_PER_FILL.multiply(fills));
            assertDecimal(upline.getString("earned"), ReferredTrader.UPLINE_PER_FILL.multiply(fills));
            assertBalancesAddUp(referrer);
            assertBalancesAddUp(upline);
        });
        List<String> listed = chain.tradeIdsListed();
        assertThat(listed).as("trades execution-service lists").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(answered.keySet());
    }

    /**
     * Keeps a fault in place for its planned duration while the fill stream runs on. This sleep is the fault itself,
     * not a wait for an outcome: outcomes are awaited with Awaitility.
     */
    private static void holdOutageOpen(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    private boolean affiliateServiceCaughtUpOnExecutions() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(AFFILIATE_GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .filter(partition -> partition.topic().equals(Topics.EXECUTIONS))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return !ends.isEmpty() && ends.entrySet().stream()
                    .allMatch(end -> committed.get(end.getKey()).offset() >= end.getValue());
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers()));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void assertSameBalances(JsonPath actual, JsonPath expected) {
        for (String balance : List.of("earned", "held", "available", "reserved", "paid", "clawed_back")) {
            assertDecimal(actual.getString(balance), new BigDecimal(expected.getString(balance)));
        }
    }

    private static void assertBalancesAddUp(JsonPath balances) {
        BigDecimal accounted = new BigDecimal(balances.getString("held"))
                .add(new BigDecimal(balances.getString("available")))
                .add(new BigDecimal(balances.getString("reserved")))
                .add(new BigDecimal(balances.getString("paid")))
                .subtract(new BigDecimal(balances.getString("clawed_back")));
        assertThat(accounted).as("held + available + reserved + paid - clawed_back").isEqualByComparingTo(
                new BigDecimal(balances.getString("earned")));
    }

    /** To the cent and beyond: the ledger's scale, 8 decimals. */
    private static void assertDecimal(String actual, BigDecimal expected) {
        assertThat(new BigDecimal(actual).setScale(8, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo(expected.setScale(8, RoundingMode.HALF_EVEN));
    }
}
