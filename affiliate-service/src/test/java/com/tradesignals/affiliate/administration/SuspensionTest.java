package com.tradesignals.affiliate.administration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.tradesignals.affiliate.Programme;
import com.tradesignals.affiliate.TestClock;
import com.tradesignals.affiliate.TradingEvents;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SuspensionTest {

    @Inject
    Programme programme;

    @Inject
    TradingEvents events;

    @Inject
    TestClock clock;

    @Test
    void aSuspensionHoldsAccrualsAndBlocksPayoutsUntilItIsLifted() {
        Programme.AvailableCommission earned = programme.availableCommission("30");
        UUID affiliate = earned.referrer();
        UUID admin = UUID.randomUUID();
        String pendingPayout = programme.requestPayout(affiliate, "50.00", null).then().statusCode(201)
                .extract().path("payout_id");
        FillRecorded heldWhenSuspended = events.fill(earned.trader(), "EURUSD", "20", "1.08");
        programme.awaitCommissions(heldWhenSuspended.fillId(), 1);

        programme.suspend(admin, affiliate, "suspected wash trading").then().statusCode(200)
                .body("user_id", equalTo(affiliate.toString()))
                .body("is_suspended", equalTo(true))
                .body("suspended_at", notNullValue())
                .body("suspension_reason", equalTo("suspected wash trading"));

        programme.requestPayout(affiliate, "10.00", null).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/affiliate-suspended"));
        programme.processPayouts();
        payoutStatus(affiliate, pendingPayout, "PENDING");

        FillRecorded accruedWhileSuspended = events.fill(earned.trader(), "EURUSD", "5", "1.08");
        programme.awaitCommissions(accruedWhileSuspended.fillId(), 1);
        clock.advance(Duration.ofDays(8));
        // Both holding periods are over, but neither commission was available when the suspension began.
        programme.balances(affiliate).then()
                .body("earned", equalTo("110.00000000"))
                .body("held", equalTo("50.00000000"))
                .body("available", equalTo("10.00000000"))
                .body("reserved", equalTo("50.00000000"));
        programme.assertBalancesConsistent(affiliate);
        given().auth().oauth2(TestTokens.user(affiliate)).queryParam("status", "held")
                .when().get("/api/v1/affiliates/history")
                .then().statusCode(200)
                .body("items.fill_id", containsInAnyOrder(accruedWhileSuspended.fillId().toString(),
                        heldWhenSuspended.fillId().toString()));
        given().auth().oauth2(TestTokens.admin(admin)).when()
                .get("/api/v1/affiliates/admin/affiliates/" + affiliate + "/ledger")
                .then().statusCode(200)
                .body("suspension_reason", equalTo("suspected wash trading"))
                .body("balances.held", equalTo("50.00000000"));

        programme.unsuspend(admin, affiliate).then().statusCode(200)
                .body("is_suspended", equalTo(false)).body("suspended_at", nullValue());

        programme.balances(affiliate).then().body("held", equalTo("0.00000000")).body("available", equalTo("60.00000000"));
        programme.assertBalancesConsistent(affiliate);
        programme.processPayouts();
        payoutStatus(affiliate, pendingPayout, "COMPLETED");
        programme.requestPayout(affiliate, "60.00", null).then().statusCode(201);
        programme.assertBalancesConsistent(affiliate);
        assertThat(programme.count("select count(*) from audit_log where target = $1 and actor = $2 "
                + "and action in ('affiliate.suspended', 'affiliate.unsuspended')", "affiliate:" + affiliate,
                "admin:" + admin)).isEqualTo(2);
    }

    @Test
    void suspendingTwiceOrLiftingWhatIsNotSuspendedIsAConflict() {
        UUID affiliate = UUID.randomUUID();
        programme.register(affiliate);
        UUID admin = UUID.randomUUID();

        programme.unsuspend(admin, affiliate).then().statusCode(409)
                .body("type", equalTo("/problems/suspension-status-conflict"));
        programme.suspend(admin, affiliate, "chargebacks").then().statusCode(200);
        programme.suspend(admin, affiliate, "again").then().statusCode(409)
                .body("type", equalTo("/problems/suspension-status-conflict"));
        programme.suspend(admin, UUID.randomUUID(), "who").then().statusCode(404)
                .body("type", equalTo("/problems/not-an-affiliate"));
        given().auth().oauth2(TestTokens.admin(admin)).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .when().post("/api/v1/affiliates/admin/affiliates/" + affiliate + "/suspend")
                .then().statusCode(400).body("type", equalTo("/problems/validation"));
        given().auth().oauth2(TestTokens.user(affiliate)).contentType(ContentType.JSON).body("{\"reason\":\"me\"}")
                .when().post("/api/v1/affiliates/admin/affiliates/" + affiliate + "/unsuspend")
                .then().statusCode(403);
    }

    private static void payoutStatus(UUID affiliate, String payoutId, String status) {
        given().auth().oauth2(TestTokens.user(affiliate)).when().get("/api/v1/affiliates/payouts/" + payoutId)
                .then().statusCode(200).body("status", equalTo(status));
    }
}
