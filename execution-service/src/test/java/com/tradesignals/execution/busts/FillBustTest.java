package com.tradesignals.execution.busts;

import static com.tradesignals.execution.Scenario.fill;
import static com.tradesignals.execution.Scenario.issue;
import static com.tradesignals.execution.Scenario.registerDevice;
import static com.tradesignals.execution.Scenario.signal;
import static com.tradesignals.execution.Scenario.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.execution.Scenario;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FillBustTest {

    @Inject
    Pool database;

    @Test
    void anAdminBustReversesTheFillRecomputesTheExecutionIsAuditedAndPublished() {
        UUID user = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        DeviceRequestSigner device = registerDevice(database, user);
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1", "1.1000"));
        fill(device, "f1", signal.signalId(), "T-1", "0.5", "1.1010").statusCode(200);
        String bustedFillId = fill(device, "f2", signal.signalId(), "T-2", "0.5", "1.1030").statusCode(200)
                .body("execution.state", equalTo("FILLED")).extract().path("fill_id");

        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> events = kafka.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Scenario.executionsTopic());
            bust(TestTokens.admin(admin), bustedFillId, "broker cancelled the trade").statusCode(200)
                    .body("state", equalTo("PARTIALLY_FILLED"))
                    .body("cumulative_size", equalTo("0.50000000"))
                    .body("leaves_size", equalTo("0.50000000"))
                    .body("average_price", equalTo("1.10100000"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    Scenario.eventsOf(events.getRecords(), EventType.EXECUTION_FILL_BUSTED, signal.signalId()))
                    .singleElement().satisfies(event -> assertThat(event)
                            .containsEntry("fill_id", bustedFillId)
                            .containsEntry("reason", "broker cancelled the trade")
                            // 0.5 lots × 100,000 × 1.1030
                            .containsEntry("notional", "55150.00000000")));
            events.stop();
        }

        status(device, signal.signalId())
                .body("executions[0].state", equalTo("PARTIALLY_FILLED"))
                .body("executions[0].trade_ids", contains("T-1"))
                .body("executions[0].slippage", equalTo("0.00100000"));
        assertThat(database.preparedQuery("select actor, action from audit_log where target = $1")
                .execute(Tuple.of("fill:" + bustedFillId)).await().atMost(Duration.ofSeconds(5)).iterator().next()
                .getString("actor")).isEqualTo("admin:" + admin);

        bust(TestTokens.admin(admin), bustedFillId, "again").statusCode(409)
                .body("type", equalTo("/problems/fill-not-bustable"));
        // The fill the bust freed room for can be reported again under a new trade.
        fill(device, "f3", signal.signalId(), "T-3", "0.5", "1.1010").statusCode(200)
                .body("execution.state", equalTo("FILLED"));
    }

    @Test
    void onlyAnAdminMayBustAndAnUnknownFillIsNotFound() {
        bust(TestTokens.user(UUID.randomUUID()), UUID.randomUUID().toString(), "x").statusCode(403);
        bust(TestTokens.admin(UUID.randomUUID()), UUID.randomUUID().toString(), "x").statusCode(404);
        bust(TestTokens.admin(UUID.randomUUID()), UUID.randomUUID().toString(), " ").statusCode(400);
    }

    private static io.restassured.response.ValidatableResponse bust(String token, String fillId, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"reason\":\"" + reason + "\"}")
                .when().post("/api/v1/exec/admin/fills/" + fillId + "/bust").then();
    }
}
