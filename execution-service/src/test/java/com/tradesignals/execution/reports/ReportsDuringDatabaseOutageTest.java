package com.tradesignals.execution.reports;

import static com.tradesignals.execution.Scenario.issue;
import static com.tradesignals.execution.Scenario.registerDevice;
import static com.tradesignals.execution.Scenario.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.execution.Scenario;
import com.tradesignals.testsupport.PostgresServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Devices keep reporting while the database goes away and comes back: whatever moment the outage begins (a
 * connection terminated under a query, inside a transaction, at its commit, or refused when taken from the pool),
 * every report is answered either as usual or 503 with {@code Retry-After}, never 500.
 */
@QuarkusTest
class ReportsDuringDatabaseOutageTest {

    private static final int REPORTING_DEVICES = 4;
    private static final int OUTAGES = 6;

    @Inject
    Pool database;

    record Answer(int status, String retryAfter, String body) {
    }

    @Test
    void reportsAreAnsweredAsUsualOr503WheneverTheOutageBegins() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        UUID user = UUID.randomUUID();
        List<DeviceRequestSigner> devices = IntStream.range(0, REPORTING_DEVICES)
                .mapToObj(i -> registerDevice(database, user)).toList();
        SignalIssued signal = issue(database, signal(user, Side.BUY, "1000.00", "1.10000"));
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean reporting = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService terminals = Executors.newFixedThreadPool(REPORTING_DEVICES);
        for (DeviceRequestSigner device : devices) {
            terminals.submit(() -> {
                while (reporting.get()) {
                    int n = sequence.incrementAndGet();
                    ExtractableResponse<Response> answer = Scenario.fill(device, "outage-" + n, signal.signalId(),
                            "T-" + n, "0.01", "1.10000").extract();
                    answers.add(new Answer(answer.statusCode(), answer.header("Retry-After"), answer.asString()));
                }
                return null;
            });
        }
        try {
            for (int outage = 0; outage < OUTAGES; outage++) {
                int before = answers.size();
                await().atMost(Duration.ofSeconds(30)).until(() -> answers.size() >= before + 20);
                postgres.refuseConnections(postgres.database());
                try {
                    int during = answers.size();
                    await().atMost(Duration.ofSeconds(30)).until(() -> answers.size() >= during + 20);
                } finally {
                    postgres.acceptConnections(postgres.database());
                }
            }
            int after = answers.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> answers.stream().skip(after)
                    .filter(answer -> answer.status() == 200).count() >= 20);
        } finally {
            reporting.set(false);
            terminals.shutdown();
            assertThat(terminals.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(answers).extracting(Answer::status).contains(200, 503);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isIn(200, 503);
            if (answer.status() == 503) {
                assertThat(answer.retryAfter()).as(answer.body()).isNotNull();
                assertThat(answer.body()).contains("/problems/service-unavailable");
            }
        });
    }
}
