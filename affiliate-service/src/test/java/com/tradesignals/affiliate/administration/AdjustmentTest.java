package com.tradesignals.affiliate.administration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
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
class AdjustmentTest {

    @Inject
    Programme programme;

    @Inject
    TradingEvents events;

    @Inject
    TestClock clock;

    @Test
    void positiveAndNegativeAdjustmentsKeepTheBalancesAddingUp() {
        Programme.AvailableCommission earned = programme.availableCommission("25");
        UUID affiliate = earned.referrer();
        UUID admin = UUID.randomUUID();

        String credit = programme.adjust(admin, affiliate, "12.345", "rebate for ticket T-77 priced by hand")
                .then().statusCode(201)
                .body("entry_type", equalTo("ADJUSTMENT"))
                .body("status", equalTo("AVAILABLE"))
                .body("amount", equalTo("12.34500000"))
                .body("reason", equalTo("rebate for ticket T-77 priced by hand"))
                .body("level", nullValue())
                .body("fill_id", nullValue())
                .extract().path("entry_id");
        programme.balances(affiliate).then().body("earned", equalTo("62.34500000"))
                .body("available", equalTo("62.34500000"));
        programme.assertBalancesConsistent(affiliate);

        String debit = programme.adjust(admin, affiliate, "-20", "duplicate rebate").then().statusCode(201)
                .body("status", equalTo("OUTSTANDING"))
                .body("amount", equalTo("-20.00000000"))
                .extract().path("entry_id");
        programme.balances(affiliate).then().body("earned", equalTo("42.34500000"))
                .body("available", equalTo("42.34500000"));
        programme.assertBalancesConsistent(affiliate);
        programme.requestPayout(affiliate, "50.00", null).then().statusCode(422)
                .body("type", equalTo("/problems/insufficient-available-balance"));

        FillRecorded later = events.fill(earned.trader(), "EURUSD", "10", "1.08");
        programme.awaitCommissions(later.fillId(), 1);
        clock.advance(Duration.ofDays(8));
        programme.balances(affiliate).then().body("available", equalTo("62.34500000"));
        programme.requestPayout(affiliate, "60.00", null).then().statusCode(201);
        programme.processPayouts();

        // The debit is netted first; then the oldest entries the 80.00 covers in full: the commission, the credit.
        programme.awaitStatus(earned.fill().fillId(), "PAID", 1);
        assertThat(programme.query("select status from commissions where id = $1", UUID.fromString(credit))
                .getString(0)).isEqualTo("PAID");
        assertThat(programme.query("select status from commissions where id = $1", UUID.fromString(debit))
                .getString(0)).isEqualTo("SETTLED");
        programme.awaitStatus(later.fillId(), "ACCRUED", 1);
        programme.balances(affiliate).then()
                .body("earned", equalTo("62.34500000"))
                .body("paid", equalTo("60.00000000"))
                .body("available", equalTo("2.34500000"))
                .body("clawed_back", equalTo("0.00000000"));
        programme.assertBalancesConsistent(affiliate);

        String csv = given().auth().oauth2(TestTokens.user(affiliate)).accept("text/csv")
                .when().get("/api/v1/affiliates/history").then().statusCode(200).extract().asString();
        assertThat(csv).contains(credit + ",ADJUSTMENT,PAID,").contains(",rebate for ticket T-77 priced by hand\r\n")
                .contains(debit + ",ADJUSTMENT,SETTLED,").contains(",-20.00000000,USD,");
        given().auth().oauth2(TestTokens.admin(admin)).queryParam("status", "settled")
                .when().get("/api/v1/affiliates/admin/affiliates/" + affiliate + "/ledger")
                .then().statusCode(200)
                .body("entries.items.entry_id", contains(debit))
                .body("entries.items.reason", contains("duplicate rebate"));
        assertThat(programme.count("select count(*) from audit_log where target = $1 and actor = $2 "
                + "and action = 'ledger.adjusted'", "affiliate:" + affiliate, "admin:" + admin)).isEqualTo(2);
    }

    @Test
    void anAdjustmentMustBeANonZeroAmountWithAReason() {
        UUID affiliate = UUID.randomUUID();
        programme.register(affiliate);
        UUID admin = UUID.randomUUID();

        programme.adjust(admin, affiliate, "0", "nothing").then().statusCode(400)
                .body("type", equalTo("/problems/validation")).body("errors.field", contains("amount"));
        programme.adjust(admin, affiliate, "1.123456789", "too precise").then().statusCode(400)
                .body("errors.field", contains("amount"));
        programme.adjust(admin, affiliate, "ten", "not a number").then().statusCode(400)
                .body("type", equalTo("/problems/validation"));
        programme.adjust(admin, affiliate, "5", " ").then().statusCode(400).body("errors.field", contains("reason"));
        programme.adjust(admin, UUID.randomUUID(), "5", "nobody").then().statusCode(404)
                .body("type", equalTo("/problems/not-an-affiliate"));
        given().auth().oauth2(TestTokens.user(affiliate)).contentType(ContentType.JSON)
                .body("{\"amount\":\"1000\",\"reason\":\"for me\"}")
                .when().post("/api/v1/affiliates/admin/affiliates/" + affiliate + "/adjustments")
                .then().statusCode(403);
        programme.balances(affiliate).then().body("earned", equalTo("0.00000000"));
    }
}
