package com.tradesignals.platform.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.contracts.events.AssetClass;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InstrumentTest {

    private static final Instrument EURUSD = new Instrument("EURUSD", AssetClass.FX, new BigDecimal("100000"),
            new BigDecimal("0.01"), "USD");
    private static final Instrument US30 = new Instrument("US30", AssetClass.INDEX, BigDecimal.ONE,
            new BigDecimal("0.1"), "USD");

    @Test
    void notionalIsLotsTimesContractSizeTimesPriceInTheQuoteCurrency() {
        assertThat(EURUSD.notional(new BigDecimal("0.50"), new BigDecimal("1.08350")))
                .isEqualByComparingTo("54175").hasToString("54175.00000000");
        assertThat(US30.notional(new BigDecimal("2.5"), new BigDecimal("44120.5"))).isEqualByComparingTo("110301.25");
    }

    @Test
    void notionalIsRoundedOnceHalfEvenToEightDecimals() {
        Instrument microContract = new Instrument("X", AssetClass.CRYPTO, new BigDecimal("0.001"),
                new BigDecimal("0.01"), "USD");
        // 0.01 × 0.001 × 1.23456789 = 0.0000123456789 → 0.00001235 (…6789 rounds up)
        assertThat(microContract.notional(new BigDecimal("0.01"), new BigDecimal("1.23456789")))
                .hasToString("0.00001235");
    }

    @Test
    void volumesMustBeWholeLotSteps() {
        assertThat(EURUSD.isOnLotStep(new BigDecimal("0.40"))).isTrue();
        assertThat(EURUSD.isOnLotStep(new BigDecimal("1"))).isTrue();
        assertThat(EURUSD.isOnLotStep(new BigDecimal("0.405"))).isFalse();
        assertThat(US30.isOnLotStep(new BigDecimal("0.30"))).isTrue();
        assertThat(US30.isOnLotStep(new BigDecimal("0.35"))).isFalse();
    }
}
