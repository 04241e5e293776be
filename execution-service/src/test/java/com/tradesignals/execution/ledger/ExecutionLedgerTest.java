package com.tradesignals.execution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.contracts.events.AssetClass;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.execution.ExecutionConfig;
import com.tradesignals.execution.signals.Signal;
import com.tradesignals.platform.instruments.InstrumentCatalogue;
import com.tradesignals.platform.instruments.InstrumentsConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The execution's state machine as a specification, without a database: each row is a fill reported against a
 * EURUSD BUY signal of 1.00 lot at 1.08345 on an execution in a given state, and what the ledger decides.
 */
class ExecutionLedgerTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    /**
     * The real configuration mappings: the catalogue's shipped defaults, execution-service's bands, and durations
     * written as Quarkus reads them ("5m").
     */
    private static final SmallRyeConfig CONFIG = new SmallRyeConfigBuilder()
            .addDefaultSources()
            .withConverter(Duration.class, 100, new DurationConverter())
            .withSources(new PropertiesConfigSource(Map.of(
                    "execution.plausibility.price-band.FX", "0.02",
                    "execution.plausibility.price-band.METAL", "0.03",
                    "execution.plausibility.price-band.INDEX", "0.03",
                    "execution.plausibility.price-band.CRYPTO", "0.05"), "test", 500))
            .withMapping(ExecutionConfig.class)
            .withMapping(InstrumentsConfig.class)
            .build();
    private static final ExecutionConfig EXECUTION = CONFIG.getConfigMapping(ExecutionConfig.class);
    private static final ExecutionLedger LEDGER = new ExecutionLedger(EXECUTION,
            new InstrumentCatalogue(CONFIG.getConfigMapping(InstrumentsConfig.class)), new FillPlausibility(EXECUTION));

    static Stream<Arguments> fills() {
        return Stream.of(
                // state before, lots already filled, reported side, lots, price → outcome, fill status, state after
                Arguments.of(ExecutionState.ACKED, "0", null, "0.40", "1.08350", Outcome.FILL_APPLIED, FillStatus.APPLIED, ExecutionState.PARTIALLY_FILLED),
                Arguments.of(ExecutionState.PENDING, "0", Side.BUY, "1.00", "1.08350", Outcome.FILL_APPLIED, FillStatus.APPLIED, ExecutionState.FILLED),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, "0.40", null, "0.60", "1.08360", Outcome.FILL_APPLIED, FillStatus.APPLIED, ExecutionState.FILLED),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, "0.40", null, "0.61", "1.08360", Outcome.OVERFILL_QUARANTINED, FillStatus.QUARANTINED, ExecutionState.PARTIALLY_FILLED),
                Arguments.of(ExecutionState.ACKED, "0", Side.SELL, "0.40", "1.08350", Outcome.SIDE_MISMATCH, FillStatus.FLAGGED, ExecutionState.ACKED),
                Arguments.of(ExecutionState.ACKED, "0", null, "0.405", "1.08350", Outcome.OFF_LOT_STEP, FillStatus.FLAGGED, ExecutionState.ACKED),
                Arguments.of(ExecutionState.ACKED, "0", null, "0.40", "1.10600", Outcome.PRICE_OUT_OF_BAND, FillStatus.FLAGGED, ExecutionState.ACKED),
                Arguments.of(ExecutionState.ACKED, "0", null, "0.40", "999999999.99999999", Outcome.PRICE_OUT_OF_BAND, FillStatus.FLAGGED, ExecutionState.ACKED),
                Arguments.of(ExecutionState.REJECTED, "0", null, "0.40", "1.08350", Outcome.FILL_FLAGGED, FillStatus.FLAGGED, ExecutionState.REJECTED),
                Arguments.of(ExecutionState.EXPIRED, "0", null, "0.40", "1.08350", Outcome.FILL_FLAGGED, FillStatus.FLAGGED, ExecutionState.EXPIRED));
    }

    @ParameterizedTest(name = "{0} with {1} filled, {2} {3} @ {4} → {5}")
    @MethodSource("fills")
    void aReportedFillIsDecidedWithoutIo(ExecutionState before, String filled, Side side, String lots, String price,
            Outcome outcome, FillStatus status, ExecutionState after) {
        Signal signal = signal("1.08345");
        Execution execution = execution(before, filled, "1.08340");

        LedgerChange change = LEDGER.recordFill(execution, signal, reported(side, lots, price), false);

        assertThat(change.outcome()).isEqualTo(outcome);
        assertThat(change.fill().status).isEqualTo(status);
        assertThat(execution.state).isEqualTo(after);
        assertThat(change.event() != null).as("FillRecorded only for an applied fill").isEqualTo(status == FillStatus.APPLIED);
        if (status != FillStatus.APPLIED) {
            assertThat(execution.cumulativeSize).isEqualByComparingTo(filled);
        }
    }

    @Test
    void aFillOfASignalWithoutReferencePriceCountsButIsHeldAndAnnouncesNothing() {
        Execution execution = execution(ExecutionState.ACKED, "0", null);
        LedgerChange change = LEDGER.recordFill(execution, signal(null), reported(null, "1.00", "1.08350"), false);

        assertThat(change.outcome()).isEqualTo(Outcome.FILL_HELD_FOR_REVIEW);
        assertThat(change.fill().status).isEqualTo(FillStatus.HELD);
        assertThat(change.event()).isNull();
        assertThat(execution.state).isEqualTo(ExecutionState.FILLED);
    }

    @Test
    void copiesEarnUpToTheSignalsSizeAndTheEventCarriesTheNotionalInLots() {
        Signal signal = signal("1.08345");
        FillRecorded first = (FillRecorded) LEDGER.recordFill(execution(ExecutionState.ACKED, "0", null), signal,
                reported(null, "0.60", "1.08350"), false).event();
        FillRecorded second = (FillRecorded) LEDGER.recordFill(execution(ExecutionState.ACKED, "0", null), signal,
                reported(null, "1.00", "1.08350"), false).event();
        FillRecorded third = (FillRecorded) LEDGER.recordFill(execution(ExecutionState.ACKED, "0", null), signal,
                reported(null, "1.00", "1.08350"), false).event();

        assertThat(List.of(first, second, third)).extracting(FillRecorded::commissionableSize)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.60"), new BigDecimal("0.40"), BigDecimal.ZERO);
        assertThat(signal.commissionableSize).isEqualByComparingTo("1.00");
        assertThat(first.assetClass()).isEqualTo(AssetClass.FX);
        assertThat(first.notional()).isEqualByComparingTo("65010"); // 0.60 × 100,000 × 1.08350
    }

    @Test
    void anApprovedFillAfterARejectionReopensTheExecutionToWhatItsFillsGive() {
        Signal signal = signal("1.08345");
        Execution execution = execution(ExecutionState.REJECTED, "0", null);
        Fill flagged = LEDGER.recordFill(execution, signal, reported(null, "0.40", "1.08350"), false).fill();

        FillRecorded recorded = LEDGER.approve(execution, signal, flagged, List.of(flagged), NOW);

        assertThat(flagged.status).isEqualTo(FillStatus.APPLIED);
        assertThat(execution.state).isEqualTo(ExecutionState.PARTIALLY_FILLED);
        assertThat(execution.cumulativeSize).isEqualByComparingTo("0.40");
        assertThat(recorded.commissionableSize()).isEqualByComparingTo("0.40");
    }

    private static Signal signal(String price) {
        Signal signal = new Signal();
        signal.signalId = UUID.randomUUID();
        signal.userId = UUID.randomUUID();
        signal.instrument = "EURUSD";
        signal.side = Side.BUY;
        signal.size = new BigDecimal("1.00");
        signal.price = price == null ? null : new BigDecimal(price);
        signal.issuedAt = NOW.minusSeconds(60);
        signal.commissionableSize = BigDecimal.ZERO;
        return signal;
    }

    private static Execution execution(ExecutionState state, String filled, String averagePrice) {
        Execution execution = new Execution();
        execution.executionId = UUID.randomUUID();
        execution.signalId = UUID.randomUUID();
        execution.deviceId = UUID.randomUUID();
        execution.userId = UUID.randomUUID();
        execution.state = state;
        execution.cumulativeSize = new BigDecimal(filled);
        execution.notional = averagePrice == null ? BigDecimal.ZERO : execution.cumulativeSize.multiply(new BigDecimal(averagePrice));
        execution.acknowledgedAt = state == ExecutionState.PENDING ? null : NOW.minusSeconds(30);
        return execution;
    }

    private static ReportedFill reported(Side side, String lots, String price) {
        return new ReportedFill(UUID.randomUUID(), "T-" + UUID.randomUUID(), side, new BigDecimal(lots),
                new BigDecimal(price), NOW, NOW);
    }
}
