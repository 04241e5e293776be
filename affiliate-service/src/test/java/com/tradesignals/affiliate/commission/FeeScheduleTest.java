package com.tradesignals.affiliate.commission;

import static com.tradesignals.affiliate.ProgrammeTerms.basis;
import static com.tradesignals.affiliate.ProgrammeTerms.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradesignals.affiliate.ProgrammeTerms;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A fill's fee base, per lot or on notional, from the fee schedule (decision 0307). */
class FeeScheduleTest {

    @ParameterizedTest(name = "{0} lots of {1} at {2}: {3} {4}, fee base {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # symbol | lots | price    | basis         | value | fee base
            # Per lot: the lots times the amount per lot, whatever the price or the quote currency.
            EURUSD   | 0.40 | 1.08     | PER_LOT       | 10.00 | 4.00
            eurusd   | 0.60 | 1.08     | PER_LOT       | 10.00 | 6.00
            USDJPY   | 1.00 | 151.25   | PER_LOT       | 10.00 | 10.00
            XAUUSD   | 0.25 | 2400.10  | PER_LOT       | 15.00 | 3.75
            US30     | 3    | 44000    | PER_LOT       | 2.00  | 6.00
            # On notional: lots x contract size x price x rate, exact (each level's amount is rounded once later).
            BTCUSD   | 0.05 | 65000.50 | NOTIONAL_RATE | 0.001 | 3.250025
            BTCUSD   | 2    | 0.01     | NOTIONAL_RATE | 0.001 | 0.00002
            """)
    void aFillIsPricedPerLotOrOnItsNotionalExactly(String symbol, BigDecimal lots, BigDecimal price,
            CommissionBasis basis, BigDecimal value, BigDecimal feeBase) {
        Pricing.Priced priced = priced(new FeeSchedule(defaults(), TestCatalogue.FIND).price(symbol, lots, price));

        assertThat(priced.feeBase()).isEqualByComparingTo(feeBase);
        assertThat(priced.entry().basis()).isEqualTo(basis);
        assertThat(priced.entry().value()).isEqualByComparingTo(value);
        assertThat(priced.instrument().symbol()).isEqualTo(symbol.toUpperCase(Locale.ROOT));
        assertThat(priced.lots()).isEqualTo(lots);
    }

    @ParameterizedTest(name = "{0}: {2} {3}, fee base {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # symbol | lots | basis         | value | fee base
            XAGUSD   | 2    | PER_LOT       | 7.50  | 15.00
            XAUUSD   | 2    | PER_LOT       | 15.00 | 30.00
            BTCUSD   | 0.10 | PER_LOT       | 5     | 0.50
            BTCEUR   | 0.10 | PER_LOT       | 4     | 0.40
            """)
    void aSymbolsEntryOverridesItsAssetClass(String symbol, BigDecimal lots, CommissionBasis basis, BigDecimal value,
            BigDecimal feeBase) {
        FeeSchedule schedule = new FeeSchedule(defaults().symbol("XAGUSD", basis("7.50", null))
                .symbol("BTCUSD", basis("5", null)).symbol("BTCEUR", basis("4", null)), TestCatalogue.FIND);

        Pricing.Priced priced = priced(schedule.price(symbol, lots, new BigDecimal("60000")));

        assertThat(priced.entry()).isEqualTo(new FeeSchedule.Entry(basis, value));
        assertThat(priced.feeBase()).isEqualByComparingTo(feeBase);
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # symbol     | price | reason
            GER40.cash   | 18000 | UNKNOWN_INSTRUMENT
            null         | 1     | UNKNOWN_INSTRUMENT
            US30         | 44000 | NO_SCHEDULE_ENTRY
            BTCEUR       | 60000 | FOREIGN_QUOTE_CURRENCY
            BTCUSD       | 0     | INVALID_PRICE
            BTCUSD       | -1    | INVALID_PRICE
            BTCUSD       | null  | INVALID_PRICE
            """)
    void whatTheScheduleCannotPriceIsNotGuessed(String symbol, BigDecimal price, UnpricedReason reason) {
        FeeSchedule schedule = new FeeSchedule(ProgrammeTerms.of(2, tier(0, "0.2", "0.05"))
                .assetClass("FX", basis("10.00", null))
                .assetClass("CRYPTO", basis(null, "0.001")), TestCatalogue.FIND);

        Pricing pricing = schedule.price(symbol, BigDecimal.ONE, price);

        assertThat(pricing).isEqualTo(new Pricing.Unpriced(reason));
    }

    static Stream<Arguments> schedulesThatCouldMisPrice() {
        return Stream.of(
                Arguments.of(defaults().assetClass("FX", basis("10.00", "0.0001")),
                        "asset-classes.FX: set exactly one of per-lot and notional-rate"),
                Arguments.of(defaults().assetClass("INDEX", basis(null, null)), "asset-classes.INDEX: set exactly one"),
                Arguments.of(defaults().assetClass("FX", basis("-1", null)), "per-lot must be positive"),
                Arguments.of(defaults().assetClass("FX", basis("0", null)), "per-lot must be positive"),
                Arguments.of(defaults().assetClass("FX", basis("0.000000001", null)), "at most 8 decimals"),
                Arguments.of(defaults().assetClass("CRYPTO", basis(null, "0.1")), "notional-rate must be in (0, 0.01]"),
                Arguments.of(defaults().assetClass("CRYPTO", basis(null, "0")), "notional-rate must be in (0, 0.01]"),
                Arguments.of(defaults().assetClass("CRYPTO", basis(null, "0.00000000001")), "at most 10 decimals"),
                Arguments.of(defaults().assetClass("SHARES", basis("1", null)), "SHARES: not an asset class"),
                Arguments.of(defaults().symbol("GER40", basis("1", null)), "symbols.GER40: the instrument catalogue"),
                Arguments.of(defaults().symbol("USDJPY", basis(null, "0.0001")),
                        "USDJPY is quoted in JPY, not in the programme currency USD"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("schedulesThatCouldMisPrice")
    void aScheduleThatCouldMisPriceAFillStopsTheService(ProgrammeTerms terms, String message) {
        assertThatThrownBy(() -> new FeeSchedule(terms, TestCatalogue.FIND))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Invalid affiliate fee schedule: ")
                .hasMessageContaining(message);
    }

    private static ProgrammeTerms defaults() {
        return ProgrammeTerms.of(2, tier(0, "0.2", "0.05"))
                .assetClass("FX", basis("10.00", null))
                .assetClass("METAL", basis("15.00", null))
                .assetClass("INDEX", basis("2.00", null))
                .assetClass("CRYPTO", basis(null, "0.001"));
    }

    private static Pricing.Priced priced(Pricing pricing) {
        assertThat(pricing).isInstanceOf(Pricing.Priced.class);
        return (Pricing.Priced) pricing;
    }
}
