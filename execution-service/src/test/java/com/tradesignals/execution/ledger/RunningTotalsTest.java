package com.tradesignals.execution.ledger;

import static com.tradesignals.execution.Scenario.fill;
import static com.tradesignals.execution.Scenario.issue;
import static com.tradesignals.execution.Scenario.registerDevice;
import static com.tradesignals.execution.Scenario.signal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The execution row keeps running sums of its APPLIED fills; they must always equal the sums of the stored fills. */
@QuarkusTest
class RunningTotalsTest {

    @Inject
    Pool database;

    @Test
    void theExecutionsRunningTotalsEqualTheSumsOfItsAppliedFillsThroughFillsOverfillsAndBusts() {
        UUID user = UUID.randomUUID();
        DeviceRequestSigner device = registerDevice(database, user);
        // An instrument the catalogue does not know: no lot step or price band, so sizes and prices may use all 8
        // decimals and any value, which is what the sums are tested with.
        SignalIssued signal = issue(database, signal(user, "SYNTHETIC", Side.SELL, "1", "1.2"));

        fill(device, "r1", signal.signalId(), "T-1", "0.3", "1.23456789").statusCode(200);
        assertTotalsMatchFills(signal.signalId(), "0.30000000");
        String second = fill(device, "r2", signal.signalId(), "T-2", "0.33333333", "1.19999999").statusCode(200)
                .extract().path("fill_id");
        assertTotalsMatchFills(signal.signalId(), "0.63333333");
        fill(device, "r3", signal.signalId(), "T-3", "0.5", "1.2").statusCode(200)
                .body("outcome", equalTo("OVERFILL_QUARANTINED"));
        assertTotalsMatchFills(signal.signalId(), "0.63333333");
        fill(device, "r4", signal.signalId(), "T-4", "0.36666667", "1.00000001").statusCode(200)
                .body("execution.state", equalTo("FILLED"));
        assertTotalsMatchFills(signal.signalId(), "1.00000000");

        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"reason\":\"broker cancelled\"}")
                .when().post("/api/v1/exec/admin/fills/" + second + "/bust").then().statusCode(200);
        assertTotalsMatchFills(signal.signalId(), "0.66666667");
        fill(device, "r5", signal.signalId(), "T-5", "0.2", "1.3").statusCode(200)
                .body("execution.state", equalTo("PARTIALLY_FILLED"));
        assertTotalsMatchFills(signal.signalId(), "0.86666667");
    }

    private void assertTotalsMatchFills(UUID signalId, String expectedCumulative) {
        Row row = database.preparedQuery("select e.cumulative_size, e.notional, e.average_price, "
                        + "(select coalesce(sum(f.size), 0) from fills f where f.execution_id = e.execution_id "
                        + "and f.status = 'APPLIED') as fill_size, "
                        + "(select coalesce(sum(f.size * f.price), 0) from fills f where f.execution_id = e.execution_id "
                        + "and f.status = 'APPLIED') as fill_notional "
                        + "from executions e where e.signal_id = $1")
                .execute(Tuple.of(signalId)).await().atMost(Duration.ofSeconds(5)).iterator().next();
        BigDecimal cumulative = row.getBigDecimal("cumulative_size");
        BigDecimal notional = row.getBigDecimal("notional");
        assertThat(cumulative).isEqualByComparingTo(row.getBigDecimal("fill_size"));
        assertThat(notional).isEqualByComparingTo(row.getBigDecimal("fill_notional"));
        assertThat(cumulative).isEqualByComparingTo(expectedCumulative);
        assertThat(row.getBigDecimal("average_price")).isEqualByComparingTo(ExecutionFigures
                .ofTotals(cumulative, notional).averagePrice());
    }
}
