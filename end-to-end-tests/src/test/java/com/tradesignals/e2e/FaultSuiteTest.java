package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradesignals.testsupport.KafkaBroker;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system's guarantees under faults, on the real processes: a stream of signed fills goes through the gateway
 * while Kafka, a service or a database is killed or cut off, and after recovery every fill answered 2xx is stored
 * once and earns its commissions exactly once per level, the balances add up, and no record was dead-lettered
 * that the case did not mean to. Each case has its own users. See docs/reliability.md.
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    /** Time for everything to settle after a fault: a killed consumer's group session (45 s) plus catching up. */
    private static final Duration CONVERGENCE = Duration.ofSeconds(120);
    private static final Duration PACE = Duration.ofMillis(100);

    private final SystemUnderTest system = SystemUnderTest.shared();

    @TempDir
    Path storage;

    @Test
    @Order(1)
    void fillsAcceptedWhileKafkaIsDownAllBecomeCommissionsOnce() throws Exception {
        ReferredTrader chain = ReferredTrader.signUp(system, storage);
        DeadLetters deadLetters = DeadLetters.markNow(system);
        try (FillStream stream = FillStream.start(chain, PACE)) {
            stream.awaitAnswered(10, Duration.ofSeconds(30));
            KafkaBroker.shared().kill();
            int beforeOutage = stream.answeredCount();
            holdOutageOpen(Duration.ofSeconds(20));
            int duringOutage = stream.answeredCount() - beforeOutage;
            KafkaBroker.shared().restart();
            stream.awaitAnswered(10, Duration.ofSeconds(30));
            Map<String, String> answered = stream.stop();

            assertThat(duringOutage).as("fills answered 2xx while Kafka was down (the outbox keeps them)").isPositive();
            assertThat(stream.refusals()).as("no fill refused while Kafka was down").isEmpty();
            assertConverged(chain, answered, stream);
        }
        assertThat(deadLetters.since()).as("dead letters").isEmpty();
    }

    /**
     * Every fill answered 2xx was applied once (FILL_APPLIED, or DUPLICATE_TRADE for a resend whose first answer
     * was lost), execution-service lists each once, and each earned its commission once per level.
     */
    private static void assertConverged(ReferredTrader chain, Map<String, String> answered, FillStream stream)
            throws Exception {
        Set<String> resent = stream.refusals().stream().map(FillStream.Refusal::tradeId).collect(Collectors.toSet());
        answered.forEach((tradeId, outcome) -> assertThat(outcome.equals("FILL_APPLIED")
                || outcome.equals("DUPLICATE_TRADE") && resent.contains(tradeId))
                .as(tradeId + " answered " + outcome).isTrue());
        BigDecimal fills = new BigDecimal(answered.size());
        await(answered.size() + " fills earn their commissions").atMost(CONVERGENCE).untilAsserted(() -> {
            JsonPath referrer = ReferredTrader.balances(chain.referrer);
            JsonPath upline = ReferredTrader.balances(chain.upline);
            assertDecimal(referrer.getString("earned"), ReferredTrader.REFERRER_PER_FILL.multiply(fills));
            assertDecimal(upline.getString("earned"), ReferredTrader.UPLINE_PER_FILL.multiply(fills));
            assertBalancesAddUp(referrer);
            assertBalancesAddUp(upline);
        });
        List<String> listed = chain.tradeIdsListed();
        assertThat(listed).as("trades execution-service lists").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(answered.keySet());
    }

    /**
     * Keeps a fault in place for its planned duration while the fill stream runs on. This sleep is the fault itself,
     * not a wait for an outcome: outcomes are awaited with Awaitility.
     */
    private static void holdOutageOpen(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    private static void assertBalancesAddUp(JsonPath balances) {
        BigDecimal accounted = new BigDecimal(balances.getString("held"))
                .add(new BigDecimal(balances.getString("available")))
                .add(new BigDecimal(balances.getString("reserved")))
                .add(new BigDecimal(balances.getString("paid")))
                .subtract(new BigDecimal(balances.getString("clawed_back")));
        assertThat(accounted).as("held + available + reserved + paid - clawed_back").isEqualByComparingTo(
                new BigDecimal(balances.getString("earned")));
    }

    /** To the cent and beyond: the ledger's scale, 8 decimals. */
    private static void assertDecimal(String actual, BigDecimal expected) {
        assertThat(new BigDecimal(actual).setScale(8, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo(expected.setScale(8, RoundingMode.HALF_EVEN));
    }
}
