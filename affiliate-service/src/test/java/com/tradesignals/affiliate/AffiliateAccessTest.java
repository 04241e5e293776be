package com.tradesignals.affiliate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One affiliate never sees another's money, and only administrators see everyone's. */
@QuarkusTest
class AffiliateAccessTest {

    @Inject
    Programme programme;

    @Test
    void anAffiliateSeesOnlyTheirOwnStatsHistoryAndPayouts() {
        Programme.AvailableCommission earned = programme.availableCommission("30");
        UUID owner = earned.referrer();
        FillRecorded fill = earned.fill();
        String ownersPayout = programme.requestPayout(owner, "50.00", null).then().statusCode(201)
                .extract().path("payout_id");
        UUID other = UUID.randomUUID();
        programme.register(other);
        String otherToken = TestTokens.user(other);

        given().auth().oauth2(otherToken).when().get("/api/v1/affiliates/stats")
                .then().statusCode(200).body("balances.earned", equalTo("0.00000000"));
        given().auth().oauth2(otherToken).when().get("/api/v1/affiliates/history")
                .then().statusCode(200).body("items", empty());
        given().auth().oauth2(otherToken).when().get("/api/v1/affiliates/payouts")
                .then().statusCode(200).body("items", empty());
        given().auth().oauth2(otherToken).when().get("/api/v1/affiliates/payouts/" + ownersPayout)
                .then().statusCode(404).body("type", equalTo("/problems/not-found"));
        given().auth().oauth2(TestTokens.user(owner)).when().get("/api/v1/affiliates/payouts/" + ownersPayout)
                .then().statusCode(200).body("amount", equalTo("50.00000000"));
        given().auth().oauth2(otherToken).when().get("/api/v1/affiliates/admin/affiliates/" + owner + "/ledger")
                .then().statusCode(403);
        given().auth().oauth2(otherToken).when().post("/api/v1/affiliates/admin/payouts/process")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID()))
                .when().get("/api/v1/affiliates/admin/affiliates/" + owner + "/ledger")
                .then().statusCode(200)
                .body("balances.earned", equalTo("60.00000000"))
                .body("balances.reserved", equalTo("50.00000000"))
                .body("entries.items[0].fill_id", equalTo(fill.fillId().toString()));
    }

    @Test
    void someoneElsesPayoutIdAnswersNotFound() {
        UUID owner = UUID.randomUUID();
        programme.register(owner);
        given().auth().oauth2(TestTokens.user(owner)).when().get("/api/v1/affiliates/payouts/" + UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.user(owner)).when().get("/api/v1/affiliates/payouts/not-a-uuid")
                .then().statusCode(400).body("type", equalTo("/problems/validation"));
    }

    @Test
    void aUserOutsideTheProgrammeHasNoStats() {
        given().auth().oauth2(TestTokens.user(UUID.randomUUID())).when().get("/api/v1/affiliates/stats")
                .then().statusCode(404).body("type", equalTo("/problems/not-an-affiliate"));
        given().when().get("/api/v1/affiliates/stats").then().statusCode(401);
        given().auth().oauth2(TestTokens.forgedUser(UUID.randomUUID())).when().post("/api/v1/affiliates/register")
                .then().statusCode(401);
    }
}
