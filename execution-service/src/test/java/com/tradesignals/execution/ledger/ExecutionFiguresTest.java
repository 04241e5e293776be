package com.tradesignals.execution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.contracts.events.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExecutionFiguresTest {

    @Test
    void averagePriceIsRoundedHalfEvenOnlyAtTheEnd() {
        // (1 × 1.00000001 + 1 × 1.00000002) / 2 = 1.000000015 → HALF_EVEN → 1.00000002
        ExecutionFigures figures = ExecutionFigures.of(List.of(applied("1", "1.00000001"), applied("1", "1.00000002")));
        assertThat(figures.averagePrice()).isEqualByComparingTo("1.00000002");
        // (1 × 1.00000001 + 1 × 1.00000000) / 2 = 1.000000005 → HALF_EVEN → 1.00000000
        assertThat(ExecutionFigures.of(List.of(applied("1", "1.00000001"), applied("1", "1.00000000")))
                .averagePrice()).isEqualByComparingTo("1.00000000");
        assertThat(figures.notional()).isEqualByComparingTo("2.00000003").hasScaleOf(16);
    }

    @Test
    void slippageIsPositiveWhenAdverseForEitherSide() {
        ExecutionFigures paidMore = ExecutionFigures.of(List.of(applied("1", "1.1002")));
        assertThat(paidMore.slippage(Side.BUY, new BigDecimal("1.1"))).isEqualByComparingTo("0.0002");
        assertThat(paidMore.slippage(Side.SELL, new BigDecimal("1.1"))).isEqualByComparingTo("-0.0002");
        assertThat(ExecutionFigures.of(List.of()).slippage(Side.BUY, BigDecimal.ONE)).isNull();
    }

    @Test
    void onlyAppliedFillsCount() {
        Fill quarantined = applied("5", "9").withStatus(FillStatus.QUARANTINED, "overfill");
        Fill busted = applied("5", "9").busted(Instant.EPOCH, "broker cancelled");
        ExecutionFigures figures = ExecutionFigures.of(List.of(applied("1", "2"), quarantined, busted));
        assertThat(figures.cumulativeSize()).isEqualByComparingTo("1");
        assertThat(figures.averagePrice()).isEqualByComparingTo("2");
    }

    @Test
    void leavesAreWhatIsStillOpenAndNothingOnceDone() {
        assertThat(ExecutionFigures.leaves(ExecutionState.PARTIALLY_FILLED, new BigDecimal("1"), new BigDecimal("0.3")))
                .isEqualByComparingTo("0.7");
        assertThat(ExecutionFigures.leaves(ExecutionState.REJECTED, BigDecimal.ONE, BigDecimal.ZERO)).isZero();
    }

    private static Fill applied(String size, String price) {
        return new Fill(UUID.randomUUID(), null, null, null, null, "T-1", new BigDecimal(size), new BigDecimal(price),
                null, null, BigDecimal.ZERO, Instant.EPOCH, Instant.EPOCH, FillStatus.APPLIED, null, null, null, null,
                null, null);
    }
}
