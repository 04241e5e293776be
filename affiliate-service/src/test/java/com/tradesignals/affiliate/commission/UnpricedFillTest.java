package com.tradesignals.affiliate.commission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.tradesignals.affiliate.Programme;
import com.tradesignals.affiliate.TradingEvents;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A fill the fee schedule cannot price earns nothing, visibly: listed for administrators and counted. */
@QuarkusTest
class UnpricedFillTest {

    @Inject
    Programme programme;

    @Inject
    TradingEvents events;

    @Test
    void aFillOfAnUnknownInstrumentIsRecordedUnpricedNotGuessed() {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        programme.claim(trader, programme.register(referrer)).then().statusCode(201);

        FillRecorded fill = events.fill(trader, "GER40.cash", "1.50", "18250.5");
        awaitUnpriced(fill);

        String admin = TestTokens.admin(UUID.randomUUID());
        JsonPath listed = given().auth().oauth2(admin).queryParam("reason", "unknown-instrument")
                .when().get("/api/v1/affiliates/admin/unpriced-fills")
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getString("items.find { it.fill_id == '" + fill.fillId() + "' }.reason"))
                .isEqualTo("unknown-instrument");
        assertThat(listed.getString("items.find { it.fill_id == '" + fill.fillId() + "' }.user_id"))
                .isEqualTo(trader.toString());
        assertThat(listed.getString("items.find { it.fill_id == '" + fill.fillId() + "' }.instrument"))
                .isEqualTo("GER40.cash");
        assertThat(listed.getString("items.find { it.fill_id == '" + fill.fillId() + "' }.lots"))
                .isEqualTo("1.50000000");
        assertThat(listed.getString("items.find { it.fill_id == '" + fill.fillId() + "' }.price"))
                .isEqualTo("18250.5");
        assertThat(programme.count("select count(*) from commissions where fill_id = $1", fill.fillId())).isZero();
        programme.balances(referrer).then().body("earned", equalTo("0.00000000"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("affiliate_fills_unpriced_total{reason=\"unknown-instrument\"}"));

        events.bust(fill);
        await().atMost(Duration.ofSeconds(30)).until(() -> programme.count(
                "select count(*) from unpriced_fills where fill_id = $1 and busted_at is not null", fill.fillId()) == 1);
    }

    @Test
    void aRateOnNotionalCannotPriceAnInstrumentQuotedInAnotherCurrency() {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        programme.claim(trader, programme.register(referrer)).then().statusCode(201);

        // BTCEUR (tests' catalogue) is CRYPTO, priced on a USD notional by default: its EUR notional is not one.
        FillRecorded first = events.fill(trader, "BTCEUR", "0.10", "60000");
        FillRecorded second = events.fill(trader, "BTCEUR", "0.20", "60100");
        awaitUnpriced(first);
        awaitUnpriced(second);

        String admin = TestTokens.admin(UUID.randomUUID());
        String cursor = given().auth().oauth2(admin).queryParam("reason", "foreign-quote-currency")
                .queryParam("limit", 1)
                .when().get("/api/v1/affiliates/admin/unpriced-fills")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].fill_id", equalTo(second.fillId().toString()))
                .body("items[0].reason", equalTo("foreign-quote-currency"))
                .body("next_cursor", notNullValue())
                .extract().path("next_cursor");
        given().auth().oauth2(admin).queryParam("reason", "foreign-quote-currency").queryParam("limit", 1)
                .queryParam("cursor", cursor)
                .when().get("/api/v1/affiliates/admin/unpriced-fills")
                .then().statusCode(200)
                .body("items[0].fill_id", equalTo(first.fillId().toString()));
        given().auth().oauth2(admin).queryParam("reason", "unknown-instrument")
                .when().get("/api/v1/affiliates/admin/unpriced-fills")
                .then().statusCode(200)
                .body("items.fill_id", not(hasItem(first.fillId().toString())));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("affiliate_fills_unpriced_total{reason=\"foreign-quote-currency\"}"));
    }

    @Test
    void aTraderWithoutAReferrerLeavesNoUnpricedFill() {
        UUID trader = UUID.randomUUID();

        FillRecorded fill = events.fill(trader, "GER40.cash", "1", "18000");
        programme.awaitTrader(trader);

        assertThat(programme.count("select count(*) from unpriced_fills where fill_id = $1", fill.fillId())).isZero();
    }

    @Test
    void onlyAdministratorsSeeUnpricedFills() {
        given().auth().oauth2(TestTokens.user(UUID.randomUUID())).when().get("/api/v1/affiliates/admin/unpriced-fills")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).queryParam("reason", "cheap")
                .when().get("/api/v1/affiliates/admin/unpriced-fills")
                .then().statusCode(400).body("type", equalTo("/problems/validation"))
                .body("detail", equalTo("Invalid fields: reason"));
    }

    private void awaitUnpriced(FillRecorded fill) {
        await().atMost(Duration.ofSeconds(30)).until(() -> programme.count(
                "select count(*) from unpriced_fills where fill_id = $1", fill.fillId()) == 1);
    }
}
