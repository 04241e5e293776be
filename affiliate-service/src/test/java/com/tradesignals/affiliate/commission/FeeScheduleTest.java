package com.tradesignals.affiliate.commission;

import static com.tradesignals.affiliate.ProgrammeTerms.basis;
import static com.tradesignals.affiliate.ProgrammeTerms.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradesignals.affiliate.ProgrammeTerms;
import com.tradesignals.contracts.events.AssetClass;
import com.tradesignals.platform.instruments.Instrument;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FeeScheduleTest {

    private static final Map<String, Instrument> CATALOGUE = Map.of(
            "EURUSD", instrument("EURUSD", AssetClass.FX, "100000", "USD"),
            "USDJPY", instrument("USDJPY", AssetClass.FX, "100000", "JPY"),
            "XAUUSD", instrument("XAUUSD", AssetClass.METAL, "100", "USD"),
            "XAGUSD", instrument("XAGUSD", AssetClass.METAL, "5000", "USD"),
            "US30", instrument("US30", AssetClass.INDEX, "1", "USD"),
            "BTCUSD", instrument("BTCUSD", AssetClass.CRYPTO, "1", "USD"),
            "BTCEUR", instrument("BTCEUR", AssetClass.CRYPTO, "1", "EUR"));

    private static final Function<String, Optional<Instrument>> FIND = symbol -> symbol == null ? Optional.empty()
            : Optional.ofNullable(CATALOGUE.get(symbol.toUpperCase(Locale.ROOT)));

    @Test
    void aFillIsPricedPerLotOrOnItsNotionalExactly() {
        FeeSchedule schedule = new FeeSchedule(defaults(), FIND);

        assertThat(feeBase(schedule.price("EURUSD", new BigDecimal("0.40"), new BigDecimal("1.08"))))
                .isEqualByComparingTo("4.00");
        assertThat(feeBase(schedule.price("eurusd", new BigDecimal("0.60"), new BigDecimal("1.08"))))
                .isEqualByComparingTo("6.00");
        // A USDJPY lot earns per lot, whatever the yen notional.
        assertThat(feeBase(schedule.price("USDJPY", new BigDecimal("1.00"), new BigDecimal("151.25"))))
                .isEqualByComparingTo("10.00");
        assertThat(feeBase(schedule.price("XAUUSD", new BigDecimal("0.25"), new BigDecimal("2400.10"))))
                .isEqualByComparingTo("3.75");
        // 0.05 lots x 1 coin x 65000.50 x 0.001, not rounded: each level's amount is rounded once.
        Pricing.Priced bitcoin = (Pricing.Priced) schedule.price("BTCUSD", new BigDecimal("0.05"),
                new BigDecimal("65000.50"));
        assertThat(bitcoin.feeBase()).isEqualByComparingTo("3.250025");
        assertThat(bitcoin.entry()).isEqualTo(new FeeSchedule.Entry(CommissionBasis.NOTIONAL_RATE,
                new BigDecimal("0.001")));
        assertThat(bitcoin.instrument().symbol()).isEqualTo("BTCUSD");
    }

    @Test
    void aSymbolsEntryOverridesItsAssetClass() {
        FeeSchedule schedule = new FeeSchedule(defaults().symbol("XAGUSD", basis("7.50", null))
                .symbol("BTCUSD", basis("5", null)), FIND);

        assertThat(feeBase(schedule.price("XAGUSD", new BigDecimal("2"), new BigDecimal("30.5"))))
                .isEqualByComparingTo("15.00");
        assertThat(feeBase(schedule.price("XAUUSD", new BigDecimal("2"), new BigDecimal("2400"))))
                .isEqualByComparingTo("30.00");
        assertThat(((Pricing.Priced) schedule.price("BTCUSD", new BigDecimal("0.10"), new BigDecimal("65000")))
                .entry().basis()).isEqualTo(CommissionBasis.PER_LOT);
    }

    @Test
    void whatTheScheduleCannotPriceIsNotGuessed() {
        FeeSchedule schedule = new FeeSchedule(ProgrammeTerms.of(2, tier(0, "0.2", "0.05"))
                .assetClass("FX", basis("10.00", null))
                .assetClass("CRYPTO", basis(null, "0.001")), FIND);

        assertThat(reason(schedule.price("GER40.cash", BigDecimal.ONE, new BigDecimal("18000"))))
                .isEqualTo(UnpricedReason.UNKNOWN_INSTRUMENT);
        assertThat(reason(schedule.price(null, BigDecimal.ONE, BigDecimal.ONE)))
                .isEqualTo(UnpricedReason.UNKNOWN_INSTRUMENT);
        assertThat(reason(schedule.price("US30", BigDecimal.ONE, new BigDecimal("44000"))))
                .isEqualTo(UnpricedReason.NO_SCHEDULE_ENTRY);
        assertThat(reason(schedule.price("BTCEUR", BigDecimal.ONE, new BigDecimal("60000"))))
                .isEqualTo(UnpricedReason.FOREIGN_QUOTE_CURRENCY);
        assertThat(reason(schedule.price("BTCUSD", BigDecimal.ONE, BigDecimal.ZERO)))
                .isEqualTo(UnpricedReason.INVALID_PRICE);
        assertThat(reason(schedule.price("BTCUSD", BigDecimal.ONE, null))).isEqualTo(UnpricedReason.INVALID_PRICE);
    }

    @Test
    void aScheduleThatCouldMisPriceAFillStopsTheService() {
        assertThatThrownBy(() -> schedule(defaults().assetClass("FX", basis("10.00", "0.0001"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asset-classes.FX: set exactly one of per-lot and notional-rate");
        assertThatThrownBy(() -> schedule(defaults().assetClass("INDEX", basis(null, null))))
                .hasMessageContaining("asset-classes.INDEX: set exactly one");
        assertThatThrownBy(() -> schedule(defaults().assetClass("FX", basis("-1", null))))
                .hasMessageContaining("per-lot must be positive");
        assertThatThrownBy(() -> schedule(defaults().assetClass("FX", basis("0.000000001", null))))
                .hasMessageContaining("at most 8 decimals");
        assertThatThrownBy(() -> schedule(defaults().assetClass("CRYPTO", basis(null, "0.1"))))
                .hasMessageContaining("notional-rate must be in (0, 0.01]");
        assertThatThrownBy(() -> schedule(defaults().assetClass("CRYPTO", basis(null, "0.00000000001"))))
                .hasMessageContaining("at most 10 decimals");
        assertThatThrownBy(() -> schedule(defaults().assetClass("SHARES", basis("1", null))))
                .hasMessageContaining("SHARES: not an asset class");
        assertThatThrownBy(() -> schedule(defaults().symbol("GER40", basis("1", null))))
                .hasMessageContaining("symbols.GER40: the instrument catalogue");
        assertThatThrownBy(() -> schedule(defaults().symbol("USDJPY", basis(null, "0.0001"))))
                .hasMessageContaining("USDJPY is quoted in JPY, not in the programme currency USD");
    }

    private static ProgrammeTerms defaults() {
        return ProgrammeTerms.of(2, tier(0, "0.2", "0.05"))
                .assetClass("FX", basis("10.00", null))
                .assetClass("METAL", basis("15.00", null))
                .assetClass("INDEX", basis("2.00", null))
                .assetClass("CRYPTO", basis(null, "0.001"));
    }

    private static FeeSchedule schedule(ProgrammeTerms terms) {
        return new FeeSchedule(terms, FIND);
    }

    private static BigDecimal feeBase(Pricing pricing) {
        assertThat(pricing).isInstanceOf(Pricing.Priced.class);
        return ((Pricing.Priced) pricing).feeBase();
    }

    private static UnpricedReason reason(Pricing pricing) {
        assertThat(pricing).isInstanceOf(Pricing.Unpriced.class);
        return ((Pricing.Unpriced) pricing).reason();
    }

    private static Instrument instrument(String symbol, AssetClass assetClass, String contractSize, String quote) {
        return new Instrument(symbol, assetClass, new BigDecimal(contractSize), new BigDecimal("0.01"), quote);
    }
}
