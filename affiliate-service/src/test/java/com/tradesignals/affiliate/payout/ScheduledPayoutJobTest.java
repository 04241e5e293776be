package com.tradesignals.affiliate.payout;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.affiliate.Programme;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The payout job on its schedule, as in production (the other tests run it on demand). */
@QuarkusTest
@TestProfile(ScheduledPayoutJobTest.EverySecond.class)
class ScheduledPayoutJobTest {

    @Inject
    Programme programme;

    @Test
    void theScheduledJobTakesAPendingPayoutToCompleted() {
        UUID referrer = programme.availableCommission("30").referrer();

        String payoutId = programme.requestPayout(referrer, "60.00", null).then().statusCode(201)
                .extract().path("payout_id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.user(referrer))
                .when().get("/api/v1/affiliates/payouts/" + payoutId)
                .then().statusCode(200).body("status", equalTo("COMPLETED")));
        programme.balances(referrer).then().body("paid", equalTo("60.00000000"));
        programme.assertBalancesConsistent(referrer);
    }

    public static class EverySecond implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("affiliates.payouts.interval", "1s");
        }
    }
}
