package com.tradesignals.execution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FillPlausibilityTest {

    private static final BigDecimal REFERENCE = new BigDecimal("1.08345");
    private static final BigDecimal TWO_PERCENT = new BigDecimal("0.02");

    @Test
    void aPriceExactlyOnTheBandsEdgeIsInsideAndOneTickBeyondIsOut() {
        // 2 % of 1.08345 = 0.021669
        assertThat(FillPlausibility.isWithinBand(new BigDecimal("1.105119"), REFERENCE, TWO_PERCENT)).isTrue();
        assertThat(FillPlausibility.isWithinBand(new BigDecimal("1.061781"), REFERENCE, TWO_PERCENT)).isTrue();
        assertThat(FillPlausibility.isWithinBand(new BigDecimal("1.10511901"), REFERENCE, TWO_PERCENT)).isFalse();
        assertThat(FillPlausibility.isWithinBand(new BigDecimal("1.06178099"), REFERENCE, TWO_PERCENT)).isFalse();
    }

    @Test
    void aFabricatedPriceIsFarOutsideAnyBand() {
        assertThat(FillPlausibility.isWithinBand(new BigDecimal("999999999.99999999"), REFERENCE,
                new BigDecimal("0.05"))).isFalse();
        assertThat(FillPlausibility.isWithinBand(new BigDecimal("0.00000001"), REFERENCE, new BigDecimal("0.05")))
                .isFalse();
    }
}
