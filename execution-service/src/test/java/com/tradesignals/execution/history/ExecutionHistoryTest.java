package com.tradesignals.execution.history;

import static com.tradesignals.execution.Scenario.ack;
import static com.tradesignals.execution.Scenario.error;
import static com.tradesignals.execution.Scenario.fill;
import static com.tradesignals.execution.Scenario.issue;
import static com.tradesignals.execution.Scenario.registerDevice;
import static com.tradesignals.execution.Scenario.signal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.execution.TestClock;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user with three devices and two signals: EURUSD (A filled it, B acknowledged it, C never answered), then GBPUSD
 * (A filled half of it, B failed, C never answered); six executions, the GBPUSD ones newest.
 */
@QuarkusTest
class ExecutionHistoryTest {

    @Inject
    Pool database;

    @Inject
    TestClock clock;

    private UUID user;
    private DeviceRequestSigner deviceA;
    private DeviceRequestSigner deviceB;
    private SignalIssued eurusd;
    private SignalIssued gbpusd;
    private Instant between;

    @BeforeEach
    void aUserWithThreeDevicesAndTwoSignals() {
        user = UUID.randomUUID();
        deviceA = registerDevice(database, user);
        deviceB = registerDevice(database, user);
        registerDevice(database, user);
        eurusd = issue(database, signal(user, "EURUSD", Side.BUY, "1", "1.1"));
        fill(deviceA, "e-fill", eurusd.signalId(), "T-1", "1", "1.1001").statusCode(200);
        ack(deviceB, "e-ack", eurusd.signalId()).statusCode(200);
        between = clock.instant();
        gbpusd = issue(database, signal(user, "GBPUSD", Side.SELL, "2", "1.3"));
        fill(deviceA, "g-fill", gbpusd.signalId(), "T-2", "1", "1.2999").statusCode(200);
        error(deviceB, "g-error", gbpusd.signalId(), 10019, "No money").statusCode(200);
    }

    @Test
    void theCallersExecutionsComeNewestFirstWithTheirFigures() {
        asUser().get("/api/v1/exec/executions").then().statusCode(200)
                .body("items", hasSize(6))
                .body("items[0..2].signal_id", everyItem(equalTo(gbpusd.signalId().toString())))
                .body("items[3..5].signal_id", everyItem(equalTo(eurusd.signalId().toString())))
                .body("next_cursor", nullValue());
        asUser().queryParam("device_id", deviceA.keyId().deviceId().toString())
                .queryParam("instrument", "EURUSD").get("/api/v1/exec/executions").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].execution_id", notNullValue())
                .body("items[0].device_id", equalTo(deviceA.keyId().deviceId().toString()))
                .body("items[0].side", equalTo("BUY"))
                .body("items[0].state", equalTo("FILLED"))
                .body("items[0].signal_size", equalTo("1.00000000"))
                .body("items[0].cumulative_size", equalTo("1.00000000"))
                .body("items[0].leaves_size", equalTo("0.00000000"))
                .body("items[0].average_price", equalTo("1.10010000"))
                .body("items[0].slippage", equalTo("0.00010000"))
                .body("items[0].created_at", notNullValue())
                .body("items[0].updated_at", notNullValue());
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(count("instrument", "GBPUSD")).isEqualTo(3);
        assertThat(count("state", "partially_filled")).isEqualTo(1);
        assertThat(count("state", "PENDING")).isEqualTo(2);
        assertThat(count("device_id", deviceB.keyId().deviceId().toString())).isEqualTo(2);
        assertThat(count("from", between.toString())).isEqualTo(3);
        assertThat(count("to", between.toString())).isEqualTo(3);
        asUser().queryParam("from", between.toString()).queryParam("state", "REJECTED")
                .get("/api/v1/exec/executions").then().statusCode(200)
                .body("items.device_id", contains(deviceB.keyId().deviceId().toString()))
                .body("items[0].leaves_size", equalTo("0.00000000"));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        List<String> all = asUser().get("/api/v1/exec/executions").then().extract().path("items.execution_id");
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = asUser().queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/exec/executions").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.execution_id"));
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(2);
        assertThat(paged).hasSize(6).isEqualTo(all);
    }

    @Test
    void theFilteredListExportsAsCsv() {
        String csv = asUser().accept("text/csv").queryParam("instrument", "EURUSD")
                .get("/api/v1/exec/executions").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"executions.csv\""))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo(CsvExecutions.HEADER);
        assertThat(lines).filteredOn(line -> line.contains(deviceA.keyId().deviceId().toString()))
                .singleElement().asString()
                .contains(",EURUSD,BUY,FILLED,1.00000000,1.00000000,0.00000000,1.10010000,0.00010000,");
    }

    @Test
    void anExportOverTheMaximumAsksForAShorterPeriod() {
        // The test profile allows 5 rows (execution.csv-max-rows); this user has 6 executions.
        asUser().accept("text/csv").get("/api/v1/exec/executions").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("/problems/export-too-large"));
        asUser().accept("text/csv").queryParam("from", between.toString()).get("/api/v1/exec/executions").then()
                .statusCode(200).contentType(startsWith("text/csv"));
    }

    @Test
    void aSignalSummaryShowsTheDevicesThatActedAndTheTotals() {
        asUser().get("/api/v1/exec/signals/" + gbpusd.signalId() + "/summary").then().statusCode(200)
                .body("signal_id", equalTo(gbpusd.signalId().toString()))
                .body("instrument", equalTo("GBPUSD"))
                .body("side", equalTo("SELL"))
                .body("signal_size", equalTo("2.00000000"))
                .body("signal_price", equalTo("1.30000000"))
                // The device that never answered did not act on it.
                .body("devices.device_id", containsInAnyOrder(deviceA.keyId().deviceId().toString(),
                        deviceB.keyId().deviceId().toString()))
                .body("devices.find { it.device_id == '" + deviceA.keyId().deviceId() + "' }.state",
                        equalTo("PARTIALLY_FILLED"))
                .body("devices.find { it.device_id == '" + deviceA.keyId().deviceId() + "' }.filled_size",
                        equalTo("1.00000000"))
                .body("devices.find { it.device_id == '" + deviceA.keyId().deviceId() + "' }.average_entry_price",
                        equalTo("1.29990000"))
                .body("devices.find { it.device_id == '" + deviceA.keyId().deviceId() + "' }.slippage",
                        equalTo("0.00010000"))
                .body("devices.find { it.device_id == '" + deviceB.keyId().deviceId() + "' }.state",
                        equalTo("REJECTED"))
                .body("devices.find { it.device_id == '" + deviceB.keyId().deviceId() + "' }.filled_size",
                        equalTo("0.00000000"))
                .body("devices.find { it.device_id == '" + deviceB.keyId().deviceId() + "' }.average_entry_price",
                        nullValue())
                .body("total_filled_size", equalTo("1.00000000"))
                .body("average_entry_price", equalTo("1.29990000"));
    }

    @Test
    void anotherUserSeesNoneOfItAndTheirSignalIdsAreNotFound() {
        UUID stranger = UUID.randomUUID();
        given().auth().oauth2(TestTokens.user(stranger)).get("/api/v1/exec/executions").then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(TestTokens.user(stranger))
                .queryParam("device_id", deviceA.keyId().deviceId().toString())
                .get("/api/v1/exec/executions").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.user(stranger)).get("/api/v1/exec/signals/" + eurusd.signalId() + "/summary")
                .then().statusCode(404).body("type", equalTo("/problems/not-found"));
        asUser().get("/api/v1/exec/signals/" + UUID.randomUUID() + "/summary").then().statusCode(404);
        given().get("/api/v1/exec/executions").then().statusCode(401);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        refused("state", "SOMETIMES", "state");
        refused("from", "yesterday", "from");
        refused("device_id", "not-a-uuid", "device_id");
        refused("instrument", "EUR\u0001USD", "instrument");
        refused("instrument", "E".repeat(65), "instrument");
        refused("cursor", "!!!", "cursor");
        refused("limit", "+5", "limit");
        asUser().queryParam("from", between.toString()).queryParam("to", between.toString())
                .get("/api/v1/exec/executions").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("Invalid fields: to"));
        asUser().get("/api/v1/exec/signals/not-a-uuid/summary").then().statusCode(400)
                .body("detail", equalTo("Invalid fields: signal_id"));
    }

    private void refused(String parameter, String value, String named) {
        asUser().queryParam(parameter, value).get("/api/v1/exec/executions").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("/problems/validation"))
                .body("detail", equalTo("Invalid fields: " + named));
    }

    private int count(String parameter, String value) {
        return asUser().queryParam(parameter, value).get("/api/v1/exec/executions").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    private RequestSpecification asUser() {
        return given().auth().oauth2(TestTokens.user(user));
    }
}
