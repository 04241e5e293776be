package com.tradesignals.affiliate.payout;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.tradesignals.affiliate.Programme;
import com.tradesignals.contracts.Topics;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PayoutTest {

    @Inject
    Programme programme;

    @Test
    void aPayoutMustBeBetweenTheMinimumAndTheAvailableBalance() {
        UUID affiliate = programme.availableCommission("50").referrer();

        programme.requestPayout(affiliate, "49.99", null).then().statusCode(422)
                .body("type", equalTo("/problems/payout-below-minimum"));
        programme.requestPayout(affiliate, "100.01", null).then().statusCode(422)
                .body("type", equalTo("/problems/insufficient-available-balance"))
                .body("detail", equalTo("The available balance is 100.00000000 USD"));
        programme.requestPayout(affiliate, "10.001", null).then().statusCode(400)
                .body("errors.field", contains("amount"));
        programme.requestPayout(affiliate, "-60", null).then().statusCode(400)
                .body("errors.field", contains("amount"));
        given().auth().oauth2(TestTokens.user(affiliate)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/affiliates/payout")
                .then().statusCode(400).body("errors.field", contains("amount"));
        programme.requestPayout(UUID.randomUUID(), "60.00", null).then().statusCode(404)
                .body("type", equalTo("/problems/not-an-affiliate"));

        programme.requestPayout(affiliate, "100.00", null).then().statusCode(201);
        programme.balances(affiliate).then().body("available", equalTo("0.00000000"))
                .body("reserved", equalTo("100.00000000"));
        programme.assertBalancesConsistent(affiliate);
    }

    @Test
    void anIdempotencyKeyAnswersTheSamePayoutAndRefusesAnotherBody() {
        UUID affiliate = programme.availableCommission("100").referrer();
        String key = "payout-" + UUID.randomUUID();

        String payoutId = programme.requestPayout(affiliate, "80.00", key).then().statusCode(201)
                .header("Idempotent-Replayed", "false").extract().path("payout_id");
        programme.requestPayout(affiliate, "80", key).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("payout_id", equalTo(payoutId));
        programme.requestPayout(affiliate, "90.00", key).then().statusCode(409)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        programme.requestPayout(affiliate, "80.00", "bad key!").then().statusCode(400);

        assertThat(programme.count("select count(*) from commission_payouts where referrer_id = $1", affiliate))
                .isEqualTo(1);
        programme.balances(affiliate).then().body("reserved", equalTo("80.00000000"));
        programme.assertBalancesConsistent(affiliate);
    }

    @Test
    void concurrentRequestsNeverReserveMoreThanIsAvailable() throws Exception {
        UUID affiliate = programme.availableCommission("75").referrer();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                requests.add(CompletableFuture.supplyAsync(
                        () -> programme.requestPayout(affiliate, "50.00", UUID.randomUUID().toString()).statusCode(),
                        pool));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> request : requests) {
                statuses.add(request.get());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
            assertThat(statuses).filteredOn(status -> status == 422).hasSize(3);
        } finally {
            pool.shutdown();
        }
        programme.balances(affiliate).then().body("reserved", equalTo("150.00000000"))
                .body("available", equalTo("0.00000000"));
        programme.assertBalancesConsistent(affiliate);
    }

    @Test
    void aRefusedPayoutReturnsTheFundsAndCanBeRetried() {
        UUID affiliate = programme.availableCommission("50").referrer();
        String payoutId = programme.requestPayout(affiliate, "66.60", null).then().statusCode(201)
                .extract().path("payout_id");

        programme.processPayouts();

        given().auth().oauth2(TestTokens.user(affiliate)).when().get("/api/v1/affiliates/payouts/" + payoutId)
                .then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failure_reason", equalTo("simulated bank refused the transfer"));
        programme.balances(affiliate).then().body("available", equalTo("100.00000000"))
                .body("reserved", equalTo("0.00000000")).body("paid", equalTo("0.00000000"));
        programme.assertBalancesConsistent(affiliate);
        String admin = TestTokens.admin(UUID.randomUUID());
        given().auth().oauth2(admin).queryParam("status", "failed").when().get("/api/v1/affiliates/admin/payouts")
                .then().statusCode(200).body("items.payout_id", hasItem(payoutId));

        given().auth().oauth2(admin).when().post("/api/v1/affiliates/admin/payouts/" + payoutId + "/retry")
                .then().statusCode(200).body("status", equalTo("PENDING"));
        programme.balances(affiliate).then().body("reserved", equalTo("66.60000000"));
        programme.assertBalancesConsistent(affiliate);
        given().auth().oauth2(admin).when().post("/api/v1/affiliates/admin/payouts/" + payoutId + "/retry")
                .then().statusCode(409).body("type", equalTo("/problems/payout-status-conflict"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"reason\":\"account closed\"}")
                .when().post("/api/v1/affiliates/admin/payouts/" + payoutId + "/fail")
                .then().statusCode(200).body("status", equalTo("FAILED")).body("failure_reason", equalTo("account closed"));
        programme.balances(affiliate).then().body("available", equalTo("100.00000000"))
                .body("reserved", equalTo("0.00000000"));
        programme.assertBalancesConsistent(affiliate);
        assertThat(programme.count("select count(*) from audit_log where target = $1", "payout:" + payoutId))
                .isEqualTo(5);
    }

    @Test
    void payoutRunsAtTheSameTimeSendEachPayoutOnce() throws Exception {
        List<UUID> affiliates = Stream.generate(() -> programme.availableCommission("50").referrer())
                .limit(3).toList();
        List<String> payoutIds = new ArrayList<>();
        for (UUID affiliate : affiliates) {
            payoutIds.add(programme.requestPayout(affiliate, "100.00", null).then().statusCode(201)
                    .extract().path("payout_id"));
        }

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(CompletableFuture.supplyAsync(programme::processPayouts, pool));
            }
            for (CompletableFuture<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        for (UUID affiliate : affiliates) {
            assertThat(programme.count("select count(*) from commission_payouts where referrer_id = $1 "
                    + "and status = 'COMPLETED' and attempts = 1", affiliate)).isEqualTo(1);
            programme.balances(affiliate).then().body("paid", equalTo("100.00000000"));
            programme.assertBalancesConsistent(affiliate);
        }
        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(Topics.AFFILIATES);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(affiliates)
                    .allSatisfy(affiliate -> assertThat(completedPayoutEvents(records, affiliate)).isNotZero()));
            assertThat(affiliates)
                    .allSatisfy(affiliate -> assertThat(completedPayoutEvents(records, affiliate)).isEqualTo(1));
            records.stop();
        }
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"reason\":\"too late\"}")
                .when().post("/api/v1/affiliates/admin/payouts/" + payoutIds.get(0) + "/fail")
                .then().statusCode(409).body("type", equalTo("/problems/payout-status-conflict"));
    }

    private static long completedPayoutEvents(ConsumerTask<String, String> records, UUID affiliate) {
        return records.getRecords().stream()
                .filter(record -> affiliate.toString().equals(record.key()))
                .filter(record -> record.value().contains("\"status\":\"COMPLETED\""))
                .filter(record -> "affiliate.payout-status-changed.v1".equals(
                        new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)))
                .count();
    }
}
