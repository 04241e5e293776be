package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.testsupport.KafkaBroker;
import com.tradesignals.testsupport.TestKafka;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
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

    private final SystemUnderTest system = SystemUnderTest.shared();

    @TempDir
    Path storage;

    @Test
    @Order(1)
    void fillsAcceptedWhileKafkaIsDownAllBecomeCommissionsOnce() throws Exception {
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
                holdOutageOpen(Duration.ofSeconds(20));
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
