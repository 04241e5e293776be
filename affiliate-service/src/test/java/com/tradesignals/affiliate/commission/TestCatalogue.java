package com.tradesignals.affiliate.commission;

import com.tradesignals.contracts.events.AssetClass;
import com.tradesignals.platform.instruments.Instrument;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** An instrument catalogue for unit tests, found as the platform's catalogue finds symbols (any case). */
final class TestCatalogue {

    private static final Map<String, Instrument> INSTRUMENTS = Map.of(
            "EURUSD", instrument("EURUSD", AssetClass.FX, "100000", "USD"),
            "USDJPY", instrument("USDJPY", AssetClass.FX, "100000", "JPY"),
            "XAUUSD", instrument("XAUUSD", AssetClass.METAL, "100", "USD"),
            "XAGUSD", instrument("XAGUSD", AssetClass.METAL, "5000", "USD"),
            "US30", instrument("US30", AssetClass.INDEX, "1", "USD"),
            "BTCUSD", instrument("BTCUSD", AssetClass.CRYPTO, "1", "USD"),
            "BTCEUR", instrument("BTCEUR", AssetClass.CRYPTO, "1", "EUR"));

    static final Function<String, Optional<Instrument>> FIND = symbol -> symbol == null ? Optional.empty()
            : Optional.ofNullable(INSTRUMENTS.get(symbol.toUpperCase(Locale.ROOT)));

    private TestCatalogue() {
    }

    private static Instrument instrument(String symbol, AssetClass assetClass, String contractSize, String quote) {
        return new Instrument(symbol, assetClass, new BigDecimal(contractSize), new BigDecimal("0.01"), quote);
    }
}
