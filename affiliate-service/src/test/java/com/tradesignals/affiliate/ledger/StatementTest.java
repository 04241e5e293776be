package com.tradesignals.affiliate.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatementTest {

    @Inject
    Programme programme;

    @Inject
    TradingEvents events;

    @Test
    void historyIsPagedNewestFirstAndFilteredByStatusAndPeriod() {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        programme.claim(trader, programme.register(referrer)).then().statusCode(201);
        FillRecorded first = events.fill(trader, "EURUSD", "0.50", "1.08");
        programme.awaitCommissions(first.fillId(), 1);
        FillRecorded second = events.fill(trader, "EURUSD", "1.00", "1.08");
        programme.awaitCommissions(second.fillId(), 1);
        FillRecorded third = events.fill(trader, "EURUSD", "1.50", "1.08");
        programme.awaitCommissions(third.fillId(), 1);
        events.bust(second);
        programme.awaitStatus(second.fillId(), "REFUNDED", 1);
        String owner = TestTokens.user(referrer);

        String cursor = given().auth().oauth2(owner).queryParam("limit", 2).when().get("/api/v1/affiliates/history")
                .then().statusCode(200)
                .body("items.fill_id", contains(third.fillId().toString(), second.fillId().toString()))
                .body("next_cursor", notNullValue())
                .extract().path("next_cursor");
        given().auth().oauth2(owner).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/affiliates/history")
                .then().statusCode(200)
                .body("items.fill_id", contains(first.fillId().toString()))
                .body("next_cursor", nullValue());
        given().auth().oauth2(owner).queryParam("status", "HELD").when().get("/api/v1/affiliates/history")
                .then().statusCode(200)
                .body("items.fill_id", contains(third.fillId().toString(), first.fillId().toString()));
        given().auth().oauth2(owner).queryParam("to", "2000-01-01T00:00:00Z").when().get("/api/v1/affiliates/history")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(owner).queryParam("from", Instant.now().minusSeconds(3600).toString())
                .when().get("/api/v1/affiliates/history")
                .then().statusCode(200).body("items", hasSize(3));
        given().auth().oauth2(owner).queryParam("status", "lost").when().get("/api/v1/affiliates/history")
                .then().statusCode(400).body("type", equalTo("/problems/validation"));
        given().auth().oauth2(owner).queryParam("from", "yesterday").when().get("/api/v1/affiliates/history")
                .then().statusCode(400).body("detail", equalTo("Invalid fields: from"));
        given().auth().oauth2(owner).queryParam("from", "2026-01-02T00:00:00Z").queryParam("to", "2026-01-02T00:00:00Z")
                .when().get("/api/v1/affiliates/history")
                .then().statusCode(400).body("detail", equalTo("Invalid fields: to"));
    }

    @Test
    void administratorsFilterAnAffiliatesLedgerWithTheSameParameters() {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        programme.claim(trader, programme.register(referrer)).then().statusCode(201);
        FillRecorded fill = events.fill(trader, "EURUSD", "0.50", "1.08");
        programme.awaitCommissions(fill.fillId(), 1);
        String admin = TestTokens.admin(UUID.randomUUID());
        String ledger = "/api/v1/affiliates/admin/affiliates/" + referrer + "/ledger";

        given().auth().oauth2(admin).queryParam("status", "held").when().get(ledger)
                .then().statusCode(200).body("entries.items.fill_id", contains(fill.fillId().toString()));
        given().auth().oauth2(admin).queryParam("status", "AVAILABLE").when().get(ledger)
                .then().statusCode(200).body("entries.items", hasSize(0));
        given().auth().oauth2(admin).queryParam("status", "lost").when().get(ledger)
                .then().statusCode(400).body("type", equalTo("/problems/validation"))
                .body("detail", equalTo("Invalid fields: status"));
        given().auth().oauth2(admin).queryParam("to", "someday").when().get(ledger)
                .then().statusCode(400).body("detail", equalTo("Invalid fields: to"));
        given().auth().oauth2(admin).queryParam("from", "2026-01-02T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get(ledger)
                .then().statusCode(400).body("detail", equalTo("Invalid fields: to"));
    }

    @Test
    void theStatementIsAvailableAsCsv() {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        programme.claim(trader, programme.register(referrer)).then().statusCode(201);
        FillRecorded fill = events.fill(trader, "EURUSD", "0.50", "1.08");
        programme.awaitCommissions(fill.fillId(), 1);

        String csv = given().auth().oauth2(TestTokens.user(referrer)).accept("text/csv")
                .when().get("/api/v1/affiliates/history")
                .then().statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"commission-statement.csv\"")
                .extract().asString();

        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo(CsvStatement.HEADER);
        assertThat(lines[1]).contains(fill.fillId().toString()).contains(",COMMISSION,HELD,")
                .contains(",1,0,0.20000000,5.00000000,1.00000000,USD,")
                .endsWith(",EURUSD,0.50000000,PER_LOT,10.0000000000,");
    }
}
