package com.tradesignals.execution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.executions.ClosingFillRecorded;
import com.tradesignals.contracts.events.executions.ExecutionCancelled;
import com.tradesignals.contracts.events.executions.ExecutionDone;
import com.tradesignals.contracts.events.executions.ExecutionPlaced;
import com.tradesignals.contracts.events.executions.PositionClosed;
import com.tradesignals.contracts.events.signals.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The order and position lifecycle as a specification, without Quarkus, a database or a broker: placing, cancelling
 * and modifying an order, and closing its position with realized P&L, against an execution of a EURUSD signal of
 * 1.00 lot (contract size 100,000, lot step 0.01).
 */
class OrderAndPositionLedgerTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static final ExecutionLedger LEDGER = SpecifiedLedger.LEDGER;

    static Stream<Arguments> placements() {
        return Stream.of(
                // state before → outcome, state after
                Arguments.of(ExecutionState.PENDING, Outcome.PLACED, ExecutionState.PLACED),
                Arguments.of(ExecutionState.ACKED, Outcome.PLACED, ExecutionState.PLACED),
                Arguments.of(ExecutionState.PLACED, Outcome.IGNORED, ExecutionState.PLACED),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, Outcome.IGNORED, ExecutionState.PARTIALLY_FILLED),
                Arguments.of(ExecutionState.CANCELLED, Outcome.IGNORED, ExecutionState.CANCELLED));
    }

    @ParameterizedTest(name = "{0} placed → {1}, {2}")
    @MethodSource("placements")
    void aPendingOrderIsPlacedOnceWithItsBrokerOrderId(ExecutionState before, Outcome outcome, ExecutionState after) {
        Signal signal = signal(Side.BUY);
        Execution execution = execution(before, signal, "0", "1.08300");

        LedgerChange change = LEDGER.place(execution, signal, "58210047", NOW);

        assertThat(change.outcome()).isEqualTo(outcome);
        assertThat(change.execution().state()).isEqualTo(after);
        assertThat(change.events()).isEqualTo(outcome == Outcome.PLACED ? List.of(new ExecutionPlaced(
                execution.executionId(), signal.signalId(), signal.userId(), execution.deviceId(), "58210047", NOW))
                : List.of());
        assertThat(change.execution().order().brokerOrderId()).isEqualTo(outcome == Outcome.PLACED ? "58210047" : null);
    }

    static Stream<Arguments> cancels() {
        return Stream.of(
                // state before, lots filled → outcome, state after, leaves after
                Arguments.of(ExecutionState.PENDING, "0", Outcome.CANCELLED, ExecutionState.CANCELLED, "0"),
                Arguments.of(ExecutionState.ACKED, "0", Outcome.CANCELLED, ExecutionState.CANCELLED, "0"),
                Arguments.of(ExecutionState.PLACED, "0", Outcome.CANCELLED, ExecutionState.CANCELLED, "0"),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, "0.40", Outcome.DONE, ExecutionState.DONE, "0"),
                Arguments.of(ExecutionState.FILLED, "1.00", Outcome.IGNORED, ExecutionState.FILLED, "0"),
                Arguments.of(ExecutionState.REJECTED, "0", Outcome.IGNORED, ExecutionState.REJECTED, "0"));
    }

    @ParameterizedTest(name = "{0} with {1} filled, cancelled → {2}, {3}")
    @MethodSource("cancels")
    void aCancelEndsAnOrderThatStillWorksAndAPartiallyFilledOneEndsDone(ExecutionState before, String filled,
            Outcome outcome, ExecutionState after, String leaves) {
        Signal signal = signal(Side.BUY);
        Execution execution = execution(before, signal, filled, "1.08300");

        LedgerChange change = LEDGER.cancel(execution, signal, "by terminal", NOW);

        assertThat(change.outcome()).isEqualTo(outcome);
        assertThat(change.execution().state()).isEqualTo(after);
        assertThat(ExecutionFigures.leaves(after, signal.size(), change.execution().cumulativeSize()))
                .isEqualByComparingTo(leaves);
        if (outcome == Outcome.CANCELLED) {
            assertThat(change.events()).containsExactly(new ExecutionCancelled(execution.executionId(),
                    signal.signalId(), signal.userId(), execution.deviceId(), "by terminal", NOW));
        } else if (outcome == Outcome.DONE) {
            assertThat(change.events()).containsExactly(new ExecutionDone(execution.executionId(), signal.signalId(),
                    signal.userId(), execution.deviceId(), "cancelled", new BigDecimal("0.40"),
                    new BigDecimal("0.60000000"), NOW));
            assertThat(change.execution().openSize()).isEqualByComparingTo("0.40");
        } else {
            assertThat(change.events()).isEmpty();
        }
    }

    @Test
    void aBuyPositionClosedInTwoDealsEndsClosedWithItsRealizedProfitAndLoss() {
        Signal signal = signal(Side.BUY).withCommissionableSize(BigDecimal.ONE);
        Execution filled = execution(ExecutionState.FILLED, signal, "1.00", "1.08340");

        LedgerChange first = LEDGER.recordClose(filled, signal, close(filled, "D-1", "0.50", "1.08840", "246.10"),
                false);

        assertThat(first.outcome()).isEqualTo(Outcome.CLOSE_APPLIED);
        assertThat(first.execution().state()).isEqualTo(ExecutionState.CLOSING);
        assertThat(first.execution().openSize()).isEqualByComparingTo("0.50");
        // 0.50 lots × 100,000 × (1.08840 − 1.08340) = 250.00 USD
        assertThat(first.closingFill().realizedPnl()).isEqualByComparingTo("250.00");
        ClosingFillRecorded recorded = (ClosingFillRecorded) first.events().get(0);
        assertThat(recorded.side()).isEqualTo(Side.SELL);
        assertThat(recorded.realizedPnl()).isEqualByComparingTo("250.00");
        assertThat(recorded.quoteCurrency()).isEqualTo("USD");
        assertThat(first.events()).hasSize(1);
        assertThat(first.signalClosingCommissionableSize()).isEqualByComparingTo("0.50");

        Signal afterFirst = signal.withClosingCommissionableSize(first.signalClosingCommissionableSize());
        LedgerChange second = LEDGER.recordClose(first.execution(), afterFirst,
                close(filled, "D-2", "0.50", "1.08240", "-49.20"), false);

        assertThat(second.outcome()).isEqualTo(Outcome.POSITION_CLOSED);
        assertThat(second.execution().state()).isEqualTo(ExecutionState.CLOSED);
        // 0.50 × 100,000 × (1.08240 − 1.08340) = −50.00; the position: 250.00 − 50.00
        assertThat(second.closingFill().realizedPnl()).isEqualByComparingTo("-50.00");
        PositionClosed closed = (PositionClosed) second.events().get(1);
        assertThat(closed.lots()).isEqualByComparingTo("1.00");
        assertThat(closed.averageEntryPrice()).isEqualByComparingTo("1.08340");
        assertThat(closed.averageExitPrice()).isEqualByComparingTo("1.08540");
        assertThat(closed.realizedPnl()).isEqualByComparingTo("200.00");
        assertThat(closed.reportedProfit()).isEqualByComparingTo("196.90");
        assertThat(ExecutionFigures.leaves(ExecutionState.CLOSED, signal.size(), BigDecimal.ONE)).isZero();
    }

    @Test
    void aPartiallyFilledOrderWhoseLotsWereAllClosedEndsClosedWhenCancelled() {
        Signal signal = signal(Side.BUY);
        Execution partial = execution(ExecutionState.PARTIALLY_FILLED, signal, "0.40", "1.08340");
        LedgerChange closed = LEDGER.recordClose(partial, signal, close(partial, "D-1", "0.40", "1.08440", null),
                false);
        assertThat(closed.execution().state()).isEqualTo(ExecutionState.PARTIALLY_FILLED);
        assertThat(closed.events()).hasSize(1);

        LedgerChange cancelled = LEDGER.cancel(closed.execution(), signal, null, NOW);

        assertThat(cancelled.outcome()).isEqualTo(Outcome.POSITION_CLOSED);
        assertThat(cancelled.execution().state()).isEqualTo(ExecutionState.CLOSED);
        assertThat(cancelled.events()).hasSize(2);
        assertThat(cancelled.events().get(0)).isInstanceOf(ExecutionDone.class);
        // 0.40 × 100,000 × (1.08440 − 1.08340) = 40.00
        assertThat(((PositionClosed) cancelled.events().get(1)).realizedPnl()).isEqualByComparingTo("40.00");
    }

    @Test
    void aSellPositionEarnsWhenThePriceFalls() {
        Signal signal = signal(Side.SELL);
        Execution filled = execution(ExecutionState.FILLED, signal, "1.00", "1.08340");

        LedgerChange change = LEDGER.recordClose(filled, signal, close(filled, "D-1", "1.00", "1.08140", null), false);

        assertThat(change.execution().state()).isEqualTo(ExecutionState.CLOSED);
        // −(1.00 × 100,000 × (1.08140 − 1.08340)) = 200.00
        assertThat(change.execution().position().realizedPnl()).isEqualByComparingTo("200.00");
        assertThat(((ClosingFillRecorded) change.events().get(0)).side()).isEqualTo(Side.BUY);
        assertThat(((PositionClosed) change.events().get(1)).reportedProfit()).isNull();
    }

    static Stream<Arguments> implausibleCloses() {
        return Stream.of(
                // state, lots filled, lots closed before, lots to close → outcome
                Arguments.of(ExecutionState.FILLED, "1.00", "0.60", "0.50", Outcome.OVERCLOSE_QUARANTINED),
                Arguments.of(ExecutionState.PENDING, "0", "0", "0.10", Outcome.OVERCLOSE_QUARANTINED),
                Arguments.of(ExecutionState.CLOSED, "1.00", "1.00", "0.10", Outcome.OVERCLOSE_QUARANTINED),
                Arguments.of(ExecutionState.FILLED, "1.00", "0", "0.005", Outcome.OFF_LOT_STEP));
    }

    @ParameterizedTest(name = "{0}, {1} filled, {2} closed, close {3} → {4}")
    @MethodSource("implausibleCloses")
    void closingMoreThanIsOpenOrOffTheLotStepIsKeptForReviewAndChangesNothing(ExecutionState state, String filled,
            String closedBefore, String lots, Outcome outcome) {
        Signal signal = signal(Side.BUY);
        Execution execution = execution(state, signal, filled, "1.08340");
        if (new BigDecimal(closedBefore).signum() > 0) {
            execution = execution.withPosition(state, new Position(new BigDecimal(closedBefore),
                    new BigDecimal(closedBefore).multiply(new BigDecimal("1.08400")), BigDecimal.ZERO, null),
                    execution.order(), NOW);
        }

        LedgerChange change = LEDGER.recordClose(execution, signal, close(execution, "D-9", lots, "1.08400", null),
                false);

        assertThat(change.outcome()).isEqualTo(outcome);
        assertThat(change.execution()).isEqualTo(execution);
        assertThat(change.closingFill().status()).isIn(FillStatus.QUARANTINED, FillStatus.FLAGGED);
        assertThat(change.events()).isEmpty();
        assertThat(change.signalClosingCommissionableSize()).isNull();
    }

    @Test
    void closingLotsEarnCommissionOnlyUpToWhatTheSignalsOpeningFillsEarned() {
        Signal signal = signal(Side.BUY).withCommissionableSize(BigDecimal.ONE)
                .withClosingCommissionableSize(new BigDecimal("0.80"));
        Execution execution = execution(ExecutionState.FILLED, signal, "1.00", "1.08340");

        LedgerChange change = LEDGER.recordClose(execution, signal, close(execution, "D-1", "0.50", "1.08400", null),
                false);

        assertThat(change.closingFill().commissionableSize()).isEqualByComparingTo("0.20");
        assertThat(change.signalClosingCommissionableSize()).isEqualByComparingTo("1.00");
    }

    @Test
    void aCloseFarFromTheEntryStillClosesThePositionButEarnsNothing() {
        Signal signal = signal(Side.BUY).withCommissionableSize(BigDecimal.ONE);
        Execution execution = execution(ExecutionState.FILLED, signal, "1.00", "1.08340");

        // 10 % above the entry, outside FX's 2 % band.
        LedgerChange change = LEDGER.recordClose(execution, signal, close(execution, "D-1", "1.00", "1.19174", null),
                false);

        assertThat(change.outcome()).isEqualTo(Outcome.POSITION_CLOSED);
        assertThat(change.closingFill().commissionableSize()).isZero();
        assertThat(change.closingFill().flagReason()).isEqualTo("price-out-of-band");
        assertThat(change.signalClosingCommissionableSize()).isNull();
    }

    @Test
    void aFillAfterThePositionStartedClosingIsFlagged() {
        Signal signal = signal(Side.BUY);
        Execution closing = execution(ExecutionState.CLOSING, signal, "0.60", "1.08340");

        LedgerChange change = LEDGER.recordFill(closing, signal, new ReportedFill(UUID.randomUUID(), "T-late",
                Side.BUY, new BigDecimal("0.40"), new BigDecimal("1.08345"), NOW, NOW), false);

        assertThat(change.outcome()).isEqualTo(Outcome.FILL_FLAGGED);
        assertThat(change.fill().flagReason()).isEqualTo("after-closing");
    }

    @Test
    void aModifyIsRecordedWhileThereIsAnOrderOrAPositionAndIgnoredOnceClosed() {
        Signal signal = signal(Side.BUY);
        Execution filled = execution(ExecutionState.FILLED, signal, "1.00", "1.08340");
        Execution closed = execution(ExecutionState.CLOSED, signal, "1.00", "1.08340");

        LedgerChange modified = LEDGER.modify(filled, new BigDecimal("1.08000"), null, NOW);

        assertThat(modified.outcome()).isEqualTo(Outcome.MODIFIED);
        assertThat(modified.execution().order().stopLoss()).isEqualByComparingTo("1.08000");
        assertThat(modified.execution().order().takeProfit()).isNull();
        assertThat(LEDGER.modify(closed, new BigDecimal("1.08000"), null, NOW).outcome()).isEqualTo(Outcome.IGNORED);
    }

    private static Signal signal(Side side) {
        return new Signal(UUID.randomUUID(), UUID.randomUUID(), "EURUSD", side, OrderType.LIMIT,
                new BigDecimal("1.00"), new BigDecimal("1.08345"), null, null, NOW.minusSeconds(600), null,
                NOW.minusSeconds(599), null, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** An execution of {@code signal} with {@code filled} lots counted at {@code averagePrice}. */
    private static Execution execution(ExecutionState state, Signal signal, String filled, String averagePrice) {
        BigDecimal cumulative = new BigDecimal(filled);
        BigDecimal average = cumulative.signum() == 0 ? null : new BigDecimal(averagePrice);
        return new Execution(UUID.randomUUID(), signal.signalId(), UUID.randomUUID(), signal.userId(), state,
                cumulative, average == null ? BigDecimal.ZERO : cumulative.multiply(average), average,
                NOW.minusSeconds(500), null, null, null, null, null, null, null, Execution.Order.NONE,
                Position.NONE_CLOSED, NOW.minusSeconds(599), NOW.minusSeconds(400));
    }

    private static ClosingFill close(Execution execution, String ticket, String lots, String price, String profit) {
        return new ClosingFill(UUID.randomUUID(), execution.executionId(), execution.signalId(), execution.deviceId(),
                execution.userId(), ticket, new BigDecimal(lots), new BigDecimal(price), null, BigDecimal.ZERO, null,
                null, profit == null ? null : new BigDecimal(profit), NOW, NOW, FillStatus.APPLIED, null);
    }
}
