package com.tradesignals.execution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.contracts.events.AssetClass;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.executions.ExecutionDone;
import com.tradesignals.contracts.events.executions.ExecutionExpired;
import com.tradesignals.contracts.events.executions.ExecutionFailed;
import com.tradesignals.contracts.events.executions.FillBusted;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.contracts.events.executions.SignalAcknowledged;
import com.tradesignals.contracts.events.signals.OrderType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The execution's state machine as a specification, without Quarkus, a database or a broker: each table is one kind
 * of report or correction (acknowledgement, fill, error, expiry, bust, review) against an execution in a given state
 * of a EURUSD BUY signal of 1.00 lot at 1.08345, and each row what the ledger decides.
 */
class ExecutionLedgerTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String SIGNAL_PRICE = "1.08345";

    private static final ExecutionLedger LEDGER = SpecifiedLedger.LEDGER;

    static Stream<Arguments> acknowledgements() {
        return Stream.of(
                // state before, acknowledged before → outcome, state after, announced
                Arguments.of(ExecutionState.PENDING, false, Outcome.ACKNOWLEDGED, ExecutionState.ACKED, true),
                Arguments.of(ExecutionState.ACKED, true, Outcome.ALREADY_ACKNOWLEDGED, ExecutionState.ACKED, false),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, false, Outcome.ACKNOWLEDGED, ExecutionState.PARTIALLY_FILLED, true),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, true, Outcome.ALREADY_ACKNOWLEDGED, ExecutionState.PARTIALLY_FILLED, false),
                Arguments.of(ExecutionState.FILLED, false, Outcome.ACKNOWLEDGED, ExecutionState.FILLED, true),
                Arguments.of(ExecutionState.REJECTED, false, Outcome.IGNORED, ExecutionState.REJECTED, false),
                Arguments.of(ExecutionState.EXPIRED, true, Outcome.IGNORED, ExecutionState.EXPIRED, false));
    }

    @ParameterizedTest(name = "ack on {0} (acknowledged: {1}) → {2}, {3}")
    @MethodSource("acknowledgements")
    void anAcknowledgementIsAnnouncedOnceAndNeverAfterTheEnd(ExecutionState before, boolean isAcknowledged,
            Outcome outcome, ExecutionState after, boolean isAnnounced) {
        Execution execution = execution(before, isAcknowledged, "0");
        Signal signal = signal(SIGNAL_PRICE);

        LedgerChange change = LEDGER.acknowledge(execution, signal, NOW);

        assertThat(change.outcome()).isEqualTo(outcome);
        assertThat(change.execution().state()).isEqualTo(after);
        assertThat(onlyEvent(change)).isEqualTo(isAnnounced ? new SignalAcknowledged(execution.executionId(),
                signal.signalId(), signal.userId(), execution.deviceId(), NOW) : null);
        assertThat(change.execution().acknowledgedAt()).isEqualTo(isAnnounced ? NOW : execution.acknowledgedAt());
        assertThat(change.fill()).isNull();
    }

    static Stream<Arguments> fills() {
        return Stream.of(
                // state before, lots already filled, reported side, lots, price → outcome, fill status, state after
                Arguments.of(ExecutionState.ACKED, "0", null, "0.40", "1.08350", Outcome.FILL_APPLIED, FillStatus.APPLIED, ExecutionState.PARTIALLY_FILLED),
                Arguments.of(ExecutionState.PENDING, "0", Side.BUY, "1.00", "1.08350", Outcome.FILL_APPLIED, FillStatus.APPLIED, ExecutionState.FILLED),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, "0.40", null, "0.60", "1.08360", Outcome.FILL_APPLIED, FillStatus.APPLIED, ExecutionState.FILLED),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, "0.40", null, "0.30", "1.08360", Outcome.FILL_APPLIED, FillStatus.APPLIED, ExecutionState.PARTIALLY_FILLED),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, "0.40", null, "0.61", "1.08360", Outcome.OVERFILL_QUARANTINED, FillStatus.QUARANTINED, ExecutionState.PARTIALLY_FILLED),
                Arguments.of(ExecutionState.FILLED, "1.00", null, "0.01", "1.08360", Outcome.OVERFILL_QUARANTINED, FillStatus.QUARANTINED, ExecutionState.FILLED),
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
        Execution execution = execution(before, before != ExecutionState.PENDING, filled);

        LedgerChange change = LEDGER.recordFill(execution, signal(SIGNAL_PRICE), reported(side, lots, price), false);

        assertThat(change.outcome()).isEqualTo(outcome);
        assertThat(change.fill().status()).isEqualTo(status);
        assertThat(change.execution().state()).isEqualTo(after);
        assertThat(onlyEvent(change) instanceof FillRecorded).as("FillRecorded only for an applied fill")
                .isEqualTo(status == FillStatus.APPLIED);
        assertThat(change.execution().cumulativeSize()).isEqualByComparingTo(status == FillStatus.APPLIED
                ? new BigDecimal(filled).add(new BigDecimal(lots)) : new BigDecimal(filled));
        assertThat(change.signalCommissionableSize()).isEqualTo(status == FillStatus.APPLIED
                ? change.fill().commissionableSize() : null);
    }

    @Test
    void aTradeAlreadyReportedForTheExecutionIsNotStoredAgain() {
        Execution execution = execution(ExecutionState.ACKED, true, "0");

        LedgerChange change = LEDGER.recordFill(execution, signal(SIGNAL_PRICE), reported(null, "0.40", "1.08350"),
                true);

        assertThat(change.outcome()).isEqualTo(Outcome.DUPLICATE_TRADE);
        assertThat(change.fill()).isNull();
        assertThat(change.execution()).isEqualTo(execution);
    }

    @Test
    void aFillOfASignalWithoutReferencePriceCountsButIsHeldAndAnnouncesNothing() {
        Execution execution = execution(ExecutionState.ACKED, true, "0");
        LedgerChange change = LEDGER.recordFill(execution, signal(null), reported(null, "1.00", "1.08350"), false);

        assertThat(change.outcome()).isEqualTo(Outcome.FILL_HELD_FOR_REVIEW);
        assertThat(change.fill().status()).isEqualTo(FillStatus.HELD);
        assertThat(change.fill().flagReason()).isEqualTo("no-reference-price");
        assertThat(onlyEvent(change)).isNull();
        assertThat(change.execution().state()).isEqualTo(ExecutionState.FILLED);
        assertThat(change.execution().firstFillAt()).isEqualTo(NOW);
    }

    @Test
    void copiesEarnUpToTheSignalsSizeAndTheEventCarriesTheNotionalInLots() {
        Signal signal = signal(SIGNAL_PRICE);
        List<FillRecorded> recorded = new ArrayList<>();
        for (String lots : List.of("0.60", "1.00", "1.00")) {
            LedgerChange change = LEDGER.recordFill(execution(ExecutionState.ACKED, true, "0"), signal,
                    reported(null, lots, "1.08350"), false);
            recorded.add((FillRecorded) onlyEvent(change));
            if (change.signalCommissionableSize() != null) {
                signal = signal.withCommissionableSize(change.signalCommissionableSize());
            }
        }

        assertThat(recorded).extracting(FillRecorded::commissionableSize)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.60"), new BigDecimal("0.40"), BigDecimal.ZERO);
        assertThat(signal.commissionableSize()).isEqualByComparingTo("1.00");
        assertThat(recorded.get(0).assetClass()).isEqualTo(AssetClass.FX);
        assertThat(recorded.get(0).notional()).isEqualByComparingTo("65010"); // 0.60 × 100,000 × 1.08350
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                // state before → outcome, state after, ExecutionFailed published
                Arguments.of(ExecutionState.PENDING, Outcome.REJECTED, ExecutionState.REJECTED, true),
                Arguments.of(ExecutionState.ACKED, Outcome.REJECTED, ExecutionState.REJECTED, true),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, Outcome.ERROR_RECORDED, ExecutionState.PARTIALLY_FILLED, false),
                Arguments.of(ExecutionState.FILLED, Outcome.IGNORED, ExecutionState.FILLED, false),
                Arguments.of(ExecutionState.REJECTED, Outcome.IGNORED, ExecutionState.REJECTED, false),
                Arguments.of(ExecutionState.EXPIRED, Outcome.IGNORED, ExecutionState.EXPIRED, false));
    }

    @ParameterizedTest(name = "error on {0} → {1}, {2}")
    @MethodSource("errors")
    void anErrorRejectsOnlyAnExecutionWithoutFills(ExecutionState before, Outcome outcome, ExecutionState after,
            boolean isAnnounced) {
        Execution execution = execution(before, true, before == ExecutionState.PARTIALLY_FILLED ? "0.40"
                : before == ExecutionState.FILLED ? "1.00" : "0");

        LedgerChange change = LEDGER.fail(execution, signal(SIGNAL_PRICE), 10019, "Not enough money", NOW);

        assertThat(change.outcome()).isEqualTo(outcome);
        assertThat(change.execution().state()).isEqualTo(after);
        assertThat(onlyEvent(change) instanceof ExecutionFailed).isEqualTo(isAnnounced);
        boolean isRecorded = outcome != Outcome.IGNORED;
        assertThat(change.execution().errorCode()).isEqualTo(isRecorded ? 10019 : null);
        assertThat(change.execution().failedAt()).isEqualTo(isRecorded ? NOW : null);
        assertThat(change.execution().cumulativeSize()).isEqualByComparingTo(execution.cumulativeSize());
    }

    static Stream<Arguments> expiries() {
        return Stream.of(
                // state before, minutes since the signal expired (grace: 5) → state after
                Arguments.of(ExecutionState.PENDING, 6, ExecutionState.EXPIRED),
                Arguments.of(ExecutionState.ACKED, 6, ExecutionState.EXPIRED),
                Arguments.of(ExecutionState.PENDING, 4, ExecutionState.PENDING),
                Arguments.of(ExecutionState.ACKED, -10, ExecutionState.ACKED),
                Arguments.of(ExecutionState.PLACED, 6, ExecutionState.EXPIRED),
                Arguments.of(ExecutionState.PLACED, 4, ExecutionState.PLACED),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, 6, ExecutionState.DONE),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, 4, ExecutionState.PARTIALLY_FILLED),
                Arguments.of(ExecutionState.FILLED, 6, ExecutionState.FILLED),
                Arguments.of(ExecutionState.REJECTED, 6, ExecutionState.REJECTED));
    }

    @ParameterizedTest(name = "{0}, signal expired {1} min ago → {2}")
    @MethodSource("expiries")
    void anOrderThatStillWorksEndsWithItsSignalAfterTheGracePeriodAndSaysSo(ExecutionState before,
            int minutesSinceExpiry, ExecutionState after) {
        Execution execution = execution(before, before != ExecutionState.PENDING,
                before == ExecutionState.PARTIALLY_FILLED ? "0.40" : "0");
        Signal signal = signal(SIGNAL_PRICE);
        Signal expiring = new Signal(signal.signalId(), signal.userId(), signal.instrument(), signal.side(),
                signal.orderType(), signal.size(), signal.price(), null, null, signal.issuedAt(),
                NOW.minus(Duration.ofMinutes(minutesSinceExpiry)), signal.receivedAt(), null,
                signal.commissionableSize(), BigDecimal.ZERO);

        LedgerChange change = LEDGER.expireIfDue(execution, expiring, NOW);

        assertThat(change.execution().state()).isEqualTo(after);
        assertThat(change.execution().expiredAt()).isEqualTo(after == ExecutionState.EXPIRED ? NOW : null);
        if (after == ExecutionState.EXPIRED) {
            assertThat(onlyEvent(change)).isEqualTo(new ExecutionExpired(execution.executionId(),
                    expiring.signalId(), expiring.userId(), execution.deviceId(), NOW));
        } else if (after == ExecutionState.DONE) {
            assertThat(onlyEvent(change)).isEqualTo(new ExecutionDone(execution.executionId(), expiring.signalId(),
                    expiring.userId(), execution.deviceId(), "expired", new BigDecimal("0.40"),
                    new BigDecimal("0.60000000"), NOW));
        } else {
            assertThat(change.events()).isEmpty();
        }
    }

    @Test
    void aSignalWithoutExpiryNeverExpiresItsExecutions() {
        Execution execution = execution(ExecutionState.PENDING, false, "0");

        LedgerChange change = LEDGER.expireIfDue(execution, signal(SIGNAL_PRICE), NOW.plus(Duration.ofDays(365)));

        assertThat(change.execution()).isEqualTo(execution);
        assertThat(change.events()).isEmpty();
    }

    static Stream<Arguments> busts() {
        return Stream.of(
                // state before, acknowledged, applied lots (the first is busted) → state after, lots after
                Arguments.of(ExecutionState.FILLED, true, List.of("0.60", "0.40"), ExecutionState.PARTIALLY_FILLED, "0.40"),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, true, List.of("0.40"), ExecutionState.ACKED, "0"),
                Arguments.of(ExecutionState.PARTIALLY_FILLED, false, List.of("0.40"), ExecutionState.PENDING, "0"),
                Arguments.of(ExecutionState.FILLED, true, List.of("0.50", "0.50"), ExecutionState.PARTIALLY_FILLED, "0.50"),
                Arguments.of(ExecutionState.REJECTED, true, List.of("0.40"), ExecutionState.REJECTED, "0"));
    }

    @ParameterizedTest(name = "bust on {0} with fills {2} → {3} with {4}")
    @MethodSource("busts")
    void aBustRecomputesTheExecutionFromTheFillsThatRemainAndGivesBackItsCommission(ExecutionState before,
            boolean isAcknowledged, List<String> appliedLots, ExecutionState after, String lotsAfter) {
        List<Fill> fills = appliedLots.stream().map(lots -> stored(lots, FillStatus.APPLIED)).toList();
        Execution execution = execution(before, isAcknowledged, fills);
        Fill busted = fills.get(0);
        Signal signal = signal(SIGNAL_PRICE).withCommissionableSize(sumOf(appliedLots));

        Correction bust = LEDGER.bust(execution, signal, busted, fills, "broker cancelled", NOW);

        assertThat(bust.fill().status()).isEqualTo(FillStatus.BUSTED);
        assertThat(bust.fill().bustReason()).isEqualTo("broker cancelled");
        assertThat(bust.execution().state()).isEqualTo(after);
        assertThat(bust.execution().cumulativeSize()).isEqualByComparingTo(lotsAfter);
        assertThat(bust.signalCommissionableSize()).isEqualByComparingTo(sumOf(appliedLots)
                .subtract(busted.commissionableSize()));
        FillBusted event = (FillBusted) bust.event();
        assertThat(event.fillId()).isEqualTo(busted.fillId());
        assertThat(event.notional()).isEqualByComparingTo(busted.size().multiply(new BigDecimal("100000"))
                .multiply(busted.price()));
    }

    static Stream<Arguments> reviews() {
        return Stream.of(
                // decision, state before, counted lots, status of the fill under review (0.40 lots)
                //   → fill status after, state after, lots after, FillRecorded published
                Arguments.of(Decision.APPROVE, ExecutionState.PARTIALLY_FILLED, "0", FillStatus.HELD, FillStatus.APPLIED, ExecutionState.PARTIALLY_FILLED, "0.40", true),
                Arguments.of(Decision.APPROVE, ExecutionState.ACKED, "0", FillStatus.FLAGGED, FillStatus.APPLIED, ExecutionState.PARTIALLY_FILLED, "0.40", true),
                Arguments.of(Decision.APPROVE, ExecutionState.REJECTED, "0", FillStatus.FLAGGED, FillStatus.APPLIED, ExecutionState.PARTIALLY_FILLED, "0.40", true),
                Arguments.of(Decision.APPROVE, ExecutionState.EXPIRED, "0", FillStatus.FLAGGED, FillStatus.APPLIED, ExecutionState.PARTIALLY_FILLED, "0.40", true),
                Arguments.of(Decision.APPROVE, ExecutionState.PARTIALLY_FILLED, "0.60", FillStatus.QUARANTINED, FillStatus.APPLIED, ExecutionState.FILLED, "1.00", true),
                Arguments.of(Decision.APPROVE, ExecutionState.FILLED, "1.00", FillStatus.QUARANTINED, FillStatus.APPLIED, ExecutionState.FILLED, "1.40", true),
                Arguments.of(Decision.REJECT, ExecutionState.PARTIALLY_FILLED, "0", FillStatus.HELD, FillStatus.REJECTED, ExecutionState.ACKED, "0", false),
                Arguments.of(Decision.REJECT, ExecutionState.ACKED, "0", FillStatus.FLAGGED, FillStatus.REJECTED, ExecutionState.ACKED, "0", false),
                Arguments.of(Decision.REJECT, ExecutionState.REJECTED, "0", FillStatus.FLAGGED, FillStatus.REJECTED, ExecutionState.REJECTED, "0", false),
                Arguments.of(Decision.REJECT, ExecutionState.PARTIALLY_FILLED, "0.60", FillStatus.QUARANTINED, FillStatus.REJECTED, ExecutionState.PARTIALLY_FILLED, "0.60", false));
    }

    enum Decision {
        APPROVE,
        REJECT
    }

    @ParameterizedTest(name = "{0} a {3} fill on {1} with {2} counted → {4}, {5} with {6}")
    @MethodSource("reviews")
    void aReviewedFillCountsOnlyOnceApprovedAndAnApprovalReopensAClosedExecution(Decision decision,
            ExecutionState before, String countedLots, FillStatus underReview, FillStatus status, ExecutionState after,
            String lotsAfter, boolean isRecorded) {
        List<Fill> fills = new ArrayList<>();
        if (new BigDecimal(countedLots).signum() > 0) {
            fills.add(stored(countedLots, FillStatus.APPLIED));
        }
        Fill reviewed = stored("0.40", underReview);
        fills.add(reviewed);
        Execution execution = execution(before, true, fills);
        Signal signal = signal(SIGNAL_PRICE).withCommissionableSize(new BigDecimal(countedLots));

        Correction correction = decision == Decision.APPROVE
                ? LEDGER.approve(execution, signal, reviewed, fills, NOW)
                : LEDGER.reject(execution, signal, reviewed, fills, NOW);

        assertThat(correction.fill().status()).isEqualTo(status);
        assertThat(correction.execution().state()).isEqualTo(after);
        assertThat(correction.execution().cumulativeSize()).isEqualByComparingTo(lotsAfter);
        assertThat(correction.event() instanceof FillRecorded).isEqualTo(isRecorded);
        // Approved lots earn up to the copies cap (1 × the signal's 1.00 lot).
        BigDecimal earning = isRecorded ? BigDecimal.ONE.subtract(new BigDecimal(countedLots)).min(reviewed.size())
                .max(BigDecimal.ZERO) : BigDecimal.ZERO;
        assertThat(correction.fill().commissionableSize()).isEqualByComparingTo(earning);
    }

    private static Signal signal(String price) {
        return new Signal(UUID.randomUUID(), UUID.randomUUID(), "EURUSD", Side.BUY, OrderType.MARKET,
                new BigDecimal("1.00"), price == null ? null : new BigDecimal(price), null, null, NOW.minusSeconds(60),
                null, NOW.minusSeconds(59), null, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** An execution with {@code filled} lots counted, at 1.08340 on average. */
    private static Execution execution(ExecutionState state, boolean isAcknowledged, String filled) {
        BigDecimal cumulative = new BigDecimal(filled);
        return new Execution(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), state,
                cumulative, cumulative.multiply(new BigDecimal("1.08340")), null,
                isAcknowledged ? NOW.minusSeconds(30) : null, null, null, null, null, null, null, null,
                Execution.Order.NONE, Position.NONE_CLOSED, NOW.minusSeconds(59), NOW.minusSeconds(30));
    }

    /** An execution whose figures are those of {@code fills}. */
    private static Execution execution(ExecutionState state, boolean isAcknowledged, List<Fill> fills) {
        ExecutionFigures figures = ExecutionFigures.of(fills);
        return execution(state, isAcknowledged, "0").withFigures(state, figures, NOW.minusSeconds(30));
    }

    /** A stored fill of {@code lots} at 1.08350; an applied one earns on all its lots. */
    private static Fill stored(String lots, FillStatus status) {
        BigDecimal size = new BigDecimal(lots);
        BigDecimal price = new BigDecimal("1.08350");
        return new Fill(UUID.randomUUID(), null, null, null, null, "T-" + UUID.randomUUID(), size, price,
                ExecutionFigures.notionalOf(size, price), null, status == FillStatus.APPLIED ? size : BigDecimal.ZERO,
                NOW.minusSeconds(10), NOW.minusSeconds(9), status, status == FillStatus.APPLIED ? null : "flagged",
                null, null, null, null, null);
    }

    /** The one event of a change, or null when it announces nothing. */
    private static IntegrationEvent onlyEvent(LedgerChange change) {
        assertThat(change.events()).hasSizeLessThanOrEqualTo(1);
        return change.events().isEmpty() ? null : change.events().get(0);
    }

    private static BigDecimal sumOf(List<String> lots) {
        return lots.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static ReportedFill reported(Side side, String lots, String price) {
        return new ReportedFill(UUID.randomUUID(), "T-" + UUID.randomUUID(), side, new BigDecimal(lots),
                new BigDecimal(price), NOW, NOW);
    }
}
