package com.tradesignals.affiliate.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.tradesignals.affiliate.Programme;
import com.tradesignals.affiliate.TradingEvents;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralClaimTest {

    @Inject
    Programme programme;

    @Inject
    TradingEvents events;

    @Test
    void anUnknownTokenIsRejected() {
        programme.claim(UUID.randomUUID(), "AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unknown-referral-token"));
        programme.claim(UUID.randomUUID(), "not a token!").then().statusCode(400)
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", contains("token"));
    }

    @Test
    void aUserCannotReferThemselves() {
        UUID affiliate = UUID.randomUUID();
        String token = programme.register(affiliate);

        programme.claim(affiliate, token).then().statusCode(422).body("type", equalTo("/problems/self-referral"));
    }

    @Test
    void aReferrerIsBoundForLife() {
        String first = programme.register(UUID.randomUUID());
        String second = programme.register(UUID.randomUUID());
        UUID newcomer = UUID.randomUUID();

        programme.claim(newcomer, first).then().statusCode(201);
        programme.claim(newcomer, first).then().statusCode(200).body("status", equalTo("PENDING"));
        programme.claim(newcomer, second).then().statusCode(409).body("type", equalTo("/problems/referrer-already-set"));
        assertThat(programme.count("select count(*) from referrals where referred_user_id = $1", newcomer)).isEqualTo(1);
    }

    @Test
    void aClaimThatWouldCloseACycleIsRejected() {
        UUID top = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        UUID bottom = UUID.randomUUID();
        String topToken = programme.register(top);
        String middleToken = programme.register(middle);
        String bottomToken = programme.register(bottom);
        programme.claim(middle, topToken).then().statusCode(201);
        programme.claim(bottom, middleToken).then().statusCode(201);

        programme.claim(top, bottomToken).then().statusCode(422).body("type", equalTo("/problems/referral-cycle"));
        programme.claim(top, middleToken).then().statusCode(422).body("type", equalTo("/problems/referral-cycle"));
    }

    @Test
    void twoAffiliatesClaimingEachOtherAtOnceNeverMakeACycle() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID one = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            String oneToken = programme.register(one);
            String otherToken = programme.register(other);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CompletableFuture<Integer> first = CompletableFuture.supplyAsync(
                        () -> programme.claim(one, otherToken).statusCode(), pool);
                CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                        () -> programme.claim(other, oneToken).statusCode(), pool);
                assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(201, 422);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aReferralActivatesWithTheFirstCommissionableFillAndNotWithADevice() {
        UUID referrer = UUID.randomUUID();
        String token = programme.register(referrer);
        UUID newcomer = UUID.randomUUID();
        programme.claim(newcomer, token).then().statusCode(201).body("activated_at", nullValue());

        UUID device = events.deviceRegistered(newcomer);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                programme.count("select count(*) from user_devices where device_id = $1", device) == 1);
        assertThat(programme.referralStatus(newcomer)).isEqualTo("PENDING");
        // A fill whose lots are all beyond the copies cap earns nothing, and qualifies nothing.
        events.fill(newcomer, "EURUSD", "0.50", "0", "1.08");
        programme.awaitTrader(newcomer);
        assertThat(programme.referralStatus(newcomer)).isEqualTo("PENDING");

        FillRecorded qualifying = events.fill(newcomer, "EURUSD", "0.10", "1.08");
        programme.awaitActivated(newcomer);
        events.fill(newcomer, "EURUSD", "0.10", "1.08");

        given().auth().oauth2(TestTokens.user(referrer)).when().get("/api/v1/affiliates/referrals")
                .then().statusCode(200)
                .body("items.referred_user_id", contains(newcomer.toString()))
                .body("items[0].status", equalTo("ACTIVATED"))
                .body("items[0].activated_at", notNullValue());
        assertThat(programme.count("select activated_referrals from affiliates where user_id = $1", referrer))
                .isEqualTo(1);
        assertThat(programme.query("select details::jsonb ->> 'fill_id' from audit_log where action = 'referral.activated' "
                + "and target = $1", "referral:" + newcomer).getString(0)).isEqualTo(qualifying.fillId().toString());
    }

    @Test
    void aUserWhoHasTradedCannotClaimAReferrer() {
        String token = programme.register(UUID.randomUUID());
        UUID trader = UUID.randomUUID();
        // Even a fill that earned nothing makes its user a trader.
        events.fill(trader, "EURUSD", "0.20", "0", "1.08");
        programme.awaitTrader(trader);

        programme.claim(trader, token).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/already-trading"));
        assertThat(programme.count("select count(*) from referrals where referred_user_id = $1", trader)).isZero();
    }

    @Test
    void aReferredUserWhoTradesKeepsTheirReferrer() {
        String token = programme.register(UUID.randomUUID());
        UUID newcomer = UUID.randomUUID();
        programme.claim(newcomer, token).then().statusCode(201);
        events.fill(newcomer, "EURUSD", "0.10", "1.08");
        programme.awaitActivated(newcomer);

        programme.claim(newcomer, token).then().statusCode(200).body("status", equalTo("ACTIVATED"));
        programme.claim(newcomer, programme.register(UUID.randomUUID())).then().statusCode(409)
                .body("type", equalTo("/problems/referrer-already-set"));
    }

    @Test
    void directReferralsArePagedNewestFirst() {
        UUID referrer = UUID.randomUUID();
        String token = programme.register(referrer);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        programme.claim(first, token).then().statusCode(201);
        programme.claim(second, token).then().statusCode(201);
        programme.claim(third, token).then().statusCode(201);
        String owner = TestTokens.user(referrer);

        String cursor = given().auth().oauth2(owner).queryParam("limit", 2).when().get("/api/v1/affiliates/referrals")
                .then().statusCode(200)
                .body("items.referred_user_id", contains(third.toString(), second.toString()))
                .body("next_cursor", notNullValue())
                .extract().path("next_cursor");
        given().auth().oauth2(owner).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/affiliates/referrals")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].referred_user_id", equalTo(first.toString()))
                .body("next_cursor", nullValue());
        given().auth().oauth2(owner).queryParam("cursor", "%%%").when().get("/api/v1/affiliates/referrals")
                .then().statusCode(400).body("type", equalTo("/problems/validation"));
        given().auth().oauth2(owner).queryParam("limit", 0).when().get("/api/v1/affiliates/referrals")
                .then().statusCode(400).body("type", equalTo("/problems/validation"));
    }
}
