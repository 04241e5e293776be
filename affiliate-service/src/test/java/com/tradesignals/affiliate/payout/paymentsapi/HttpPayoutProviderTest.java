package com.tradesignals.affiliate.payout.paymentsapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tradesignals.affiliate.Programme;
import com.tradesignals.affiliate.TestClock;
import com.tradesignals.affiliate.payout.paymentsapi.PaymentsApiStub.PaymentsApi;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP payout provider against the payments API played by WireMock: what it sends, and what each kind of
 * answer (or its absence) does to the payout and the balances. Timeouts, retries and the circuit breaker are
 * shortened by the profile; the payout job runs on demand.
 */
@QuarkusTest
@TestProfile(HttpPayoutProviderTest.ShortFaultTolerance.class)
@WithTestResource(PaymentsApiStub.class)
class HttpPayoutProviderTest {

    static final String API_KEY = "test-only-payments-api-key";
    private static final String PAYOUTS = "/v1/payouts";

    @PaymentsApi
    WireMockServer paymentsApi;

    @Inject
    Programme programme;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    /**
     * Earlier tests (of this class or others, on the same database) may have left payouts due: they are paid now,
     * so that every request the API receives in a test is that test's.
     */
    @BeforeEach
    void onlyThisTestsPayoutsAreDue() {
        if (!paymentsApi.isRunning()) {
            paymentsApi.start();
        }
        paymentsApi.resetAll();
        circuitBreakers.resetAll();
        answer(transfer(201, "{\"id\":\"tr_earlier\",\"status\":\"completed\"}"));
        clock.advance(Duration.ofMinutes(11));
        await().atMost(Duration.ofSeconds(30)).until(() -> programme.processPayouts() == 0);
        paymentsApi.resetAll();
    }

    @Test
    void aPayoutGoesToThePaymentsApiWithItsMethodAndCompletes() throws Exception {
        UUID affiliate = programme.availableCommission("30").referrer();
        answer(transfer(201, "{\"id\":\"tr_1001\",\"status\":\"completed\",\"created_at\":\"2026-11-01T10:00:00Z\"}"));
        String payoutId = requestPayout(affiliate, "60.00");

        assertThat(programme.processPayouts()).isEqualTo(1);

        payout(affiliate, payoutId).body("status", equalTo("COMPLETED")).body("reference", equalTo("tr_1001"))
                .body("payout_method.type", equalTo("BANK_TRANSFER"))
                .body("payout_method.masked", equalTo("DE****3000"));
        LoggedRequest request = sent(payoutId).get(0);
        assertThat(sent(payoutId)).hasSize(1);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(request.getBodyAsString());
        assertThat(body.get("reference").asText()).isEqualTo(payoutId);
        assertThat(body.get("amount").asText()).isEqualTo("60.00");
        assertThat(body.get("currency").asText()).isEqualTo("USD");
        assertThat(body.get("beneficiary").get("type").asText()).isEqualTo("BANK_TRANSFER");
        assertThat(body.get("beneficiary").get("iban").asText()).isEqualTo(Programme.IBAN);
        assertThat(body.get("beneficiary").get("bic").asText()).isEqualTo("COBADEFFXXX");
        assertThat(body.get("beneficiary").get("holder_name").asText()).isEqualTo("Ada Lovelace");
        assertPaidOnce(affiliate, payoutId);
    }

    @Test
    void aTimeoutLeavesThePayoutProcessingAndTheResentPayoutIsAnsweredWithTheOriginalTransfer() {
        UUID affiliate = programme.availableCommission("30").referrer();
        // The API makes the transfer but answers after the service has stopped waiting, on every attempt.
        answer(transfer(201, "{\"id\":\"tr_late\",\"status\":\"completed\"}").withFixedDelay(6_000));
        String payoutId = requestPayout(affiliate, "60.00");

        assertThat(programme.processPayouts()).isZero();

        payout(affiliate, payoutId).body("status", equalTo("PROCESSING"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sent(payoutId)).hasSize(3));
        programme.balances(affiliate).then().body("reserved", equalTo("60.00000000")).body("paid", equalTo("0.00000000"));

        answer(transfer(409, "{\"error\":\"idempotency_key_used\",\"transfer\":{\"id\":\"tr_late\",\"status\":\"completed\"}}"));
        sendAgainLater();

        payout(affiliate, payoutId).body("status", equalTo("COMPLETED")).body("reference", equalTo("tr_late"));
        assertThat(sent(payoutId)).hasSize(4);
        assertThat(allSent()).hasSize(4);
        assertPaidOnce(affiliate, payoutId);
    }

    @Test
    void serverErrorsAreRetriedWithTheSameIdempotencyKey() {
        UUID affiliate = programme.availableCommission("30").referrer();
        paymentsApi.stubFor(post(urlEqualTo(PAYOUTS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second attempt"));
        paymentsApi.stubFor(post(urlEqualTo(PAYOUTS)).inScenario("flaky").whenScenarioStateIs("second attempt")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("third attempt"));
        paymentsApi.stubFor(post(urlEqualTo(PAYOUTS)).inScenario("flaky").whenScenarioStateIs("third attempt")
                .willReturn(transfer(201, "{\"id\":\"tr_third\",\"status\":\"completed\"}")));
        String payoutId = requestPayout(affiliate, "60.00");

        assertThat(programme.processPayouts()).isEqualTo(1);

        payout(affiliate, payoutId).body("status", equalTo("COMPLETED")).body("reference", equalTo("tr_third"));
        assertThat(sent(payoutId)).hasSize(3);
        assertThat(allSent()).hasSize(3);
        assertPaidOnce(affiliate, payoutId);
    }

    @Test
    void aDuplicateAnswerCompletesThePayoutOnce() {
        UUID affiliate = programme.availableCommission("30").referrer();
        answer(transfer(409, "{\"error\":\"idempotency_key_used\","
                + "\"transfer\":{\"id\":\"tr_original\",\"status\":\"completed\",\"amount\":\"60.00\"}}"));
        String payoutId = requestPayout(affiliate, "60.00");

        assertThat(programme.processPayouts()).isEqualTo(1);
        sendAgainLater();

        payout(affiliate, payoutId).body("status", equalTo("COMPLETED")).body("reference", equalTo("tr_original"));
        assertThat(sent(payoutId)).hasSize(1);
        assertPaidOnce(affiliate, payoutId);
    }

    @Test
    void aConflictWithoutTheOriginalTransferIsNoAnswer() {
        UUID affiliate = programme.availableCommission("30").referrer();
        answer(transfer(409, "{\"error\":\"idempotency_key_used\"}"));
        String payoutId = requestPayout(affiliate, "60.00");

        assertThat(programme.processPayouts()).isZero();

        payout(affiliate, payoutId).body("status", equalTo("PROCESSING"));
        programme.balances(affiliate).then().body("reserved", equalTo("60.00000000"))
                .body("available", equalTo("0.00000000"));
    }

    @Test
    void anOutageLeavesThePayoutProcessingUntilItIsSentAgainAndPaidOnce() {
        UUID affiliate = programme.availableCommission("30").referrer();
        answer(aResponse().withStatus(503));
        String payoutId = requestPayout(affiliate, "60.00");

        programme.processPayouts();
        payout(affiliate, payoutId).body("status", equalTo("PROCESSING"));
        assertThat(sent(payoutId)).hasSize(3);

        paymentsApi.stop();
        sendAgainLater();
        payout(affiliate, payoutId).body("status", equalTo("PROCESSING"));
        programme.balances(affiliate).then().body("reserved", equalTo("60.00000000")).body("paid", equalTo("0.00000000"));

        paymentsApi.start();
        answer(transfer(201, "{\"id\":\"tr_after_outage\",\"status\":\"completed\"}"));
        programme.processPayouts();
        assertThat(sent(payoutId)).as("not sent again before stale-after").hasSize(3);

        // As the scheduled job would: each run sends the stale payout again, once the circuit breaker lets it.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            sendAgainLater();
            payout(affiliate, payoutId).body("status", equalTo("COMPLETED"));
        });
        sendAgainLater();

        payout(affiliate, payoutId).body("reference", equalTo("tr_after_outage"));
        assertThat(sent(payoutId)).hasSize(4);
        assertThat(allSent()).hasSize(4);
        assertPaidOnce(affiliate, payoutId);
    }

    @Test
    void aRefusalFailsThePayoutAndReturnsItsFunds() {
        UUID affiliate = programme.availableCommission("30").referrer();
        answer(transfer(422, "{\"error\":\"beneficiary_rejected\",\"reason\":\"account closed\"}"));
        String refused = requestPayout(affiliate, "60.00");

        assertThat(programme.processPayouts()).isEqualTo(1);

        payout(affiliate, refused).body("status", equalTo("FAILED")).body("failure_reason", equalTo("account closed"));
        assertThat(sent(refused)).as("a refusal is not retried").hasSize(1);
        programme.balances(affiliate).then().body("available", equalTo("60.00000000"))
                .body("reserved", equalTo("0.00000000")).body("paid", equalTo("0.00000000"));

        answer(transfer(201, "{\"id\":\"tr_failed\",\"status\":\"failed\",\"reason\":\"beneficiary name mismatch\"}"));
        String failed = requestPayout(affiliate, "60.00");
        assertThat(programme.processPayouts()).isEqualTo(1);

        payout(affiliate, failed).body("status", equalTo("FAILED"))
                .body("failure_reason", equalTo("beneficiary name mismatch"));
        programme.balances(affiliate).then().body("available", equalTo("60.00000000"))
                .body("reserved", equalTo("0.00000000")).body("paid", equalTo("0.00000000"));
        programme.assertBalancesConsistent(affiliate);
    }

    @Test
    void aPendingTransferIsAskedAboutAgainLaterNotAtOnce() {
        UUID affiliate = programme.availableCommission("30").referrer();
        answer(transfer(202, "{\"id\":\"tr_pending\",\"status\":\"pending\"}"));
        String payoutId = requestPayout(affiliate, "60.00");

        assertThat(programme.processPayouts()).isZero();

        payout(affiliate, payoutId).body("status", equalTo("PROCESSING"));
        assertThat(sent(payoutId)).hasSize(1);
        assertThat(circuitBreakers.currentState("payments-api")).isEqualTo(CircuitBreakerState.CLOSED);

        answer(transfer(200, "{\"id\":\"tr_pending\",\"status\":\"completed\"}"));
        sendAgainLater();

        payout(affiliate, payoutId).body("status", equalTo("COMPLETED")).body("reference", equalTo("tr_pending"));
        assertThat(sent(payoutId)).hasSize(2);
        assertPaidOnce(affiliate, payoutId);
    }

    @Test
    void anOpenCircuitBreakerSendsNothingUntilTheApiMayHaveRecovered() {
        UUID first = programme.availableCommission("30").referrer();
        UUID second = programme.availableCommission("30").referrer();
        answer(aResponse().withStatus(503));
        String firstPayout = requestPayout(first, "60.00");
        String secondPayout = requestPayout(second, "60.00");

        programme.processPayouts();

        // 5 attempts judged, all failed: the breaker opens before the second payout's last retry.
        assertThat(circuitBreakers.currentState("payments-api")).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(sent(firstPayout)).hasSize(3);
        assertThat(sent(secondPayout)).hasSize(2);
        answer(transfer(201, "{\"id\":\"tr_recovered\",\"status\":\"completed\"}"));
        sendAgainLater();
        assertThat(allSent()).as("nothing reaches the API while the breaker is open").hasSize(5);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            sendAgainLater();
            payout(first, firstPayout).body("status", equalTo("COMPLETED"));
            payout(second, secondPayout).body("status", equalTo("COMPLETED"));
        });

        assertThat(circuitBreakers.currentState("payments-api")).isEqualTo(CircuitBreakerState.CLOSED);
        assertPaidOnce(first, firstPayout);
        assertPaidOnce(second, secondPayout);
    }

    private String requestPayout(UUID affiliate, String amount) {
        return programme.requestPayout(affiliate, amount, null).then().statusCode(201).extract().path("payout_id");
    }

    private ValidatableResponse payout(UUID affiliate, String payoutId) {
        return given().auth().oauth2(TestTokens.user(affiliate)).when().get("/api/v1/affiliates/payouts/" + payoutId)
                .then().statusCode(200);
    }

    /** The payout is completed, its amount paid exactly once: one completion, the balances add up. */
    private void assertPaidOnce(UUID affiliate, String payoutId) {
        programme.balances(affiliate).then().body("paid", equalTo("60.00000000"))
                .body("reserved", equalTo("0.00000000")).body("available", equalTo("0.00000000"));
        programme.assertBalancesConsistent(affiliate);
        assertThat(programme.count("select count(*) from audit_log where target = $1 and action = 'payout.completed'",
                "payout:" + payoutId)).isEqualTo(1);
    }

    /** Past stale-after, then a run of the job: processing payouts without an answer are sent again. */
    private void sendAgainLater() {
        clock.advance(Duration.ofMinutes(11));
        programme.processPayouts();
    }

    private void answer(ResponseDefinitionBuilder response) {
        paymentsApi.stubFor(post(urlEqualTo(PAYOUTS)).willReturn(response));
    }

    private static ResponseDefinitionBuilder transfer(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private List<LoggedRequest> sent(String payoutId) {
        return paymentsApi.findAll(postRequestedFor(urlEqualTo(PAYOUTS))
                .withHeader("Idempotency-Key", WireMock.equalTo(payoutId)));
    }

    private List<LoggedRequest> allSent() {
        return paymentsApi.findAll(postRequestedFor(urlEqualTo(PAYOUTS)));
    }

    /** The HTTP provider, with a timeout, retries and a circuit breaker short enough for tests. */
    public static class ShortFaultTolerance implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "affiliates.payouts.provider", "http",
                    "affiliates.payments-api.api-key", API_KEY,
                    // Long enough for a first call on a busy 2-CPU machine, short enough to wait out three times.
                    "affiliates.payments-api.timeout-millis", "2000",
                    "affiliates.payments-api.max-retries", "2",
                    "affiliates.payments-api.retry-delay-millis", "50",
                    "affiliates.payments-api.retry-jitter-millis", "0",
                    "affiliates.payments-api.circuit-breaker-requests", "5",
                    "affiliates.payments-api.circuit-breaker-failure-ratio", "0.8",
                    "affiliates.payments-api.circuit-breaker-delay-millis", "3000");
        }
    }
}
