package com.tradesignals.platform.instruments;

import com.tradesignals.contracts.events.AssetClass;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The instrument catalogue: what a lot of each symbol is. The shipped defaults are in this module's
 * microprofile-config.properties; a deployment adds or overrides symbols (docs/instruments.md).
 */
@ConfigMapping(prefix = "instruments")
public interface InstrumentsConfig {

    /** By platform symbol, e.g. {@code instruments.symbols.EURUSD.contract-size=100000}. */
    Map<String, Symbol> symbols();

    interface Symbol {

        AssetClass assetClass();

        /** Units of the base asset per lot: 100,000 for an FX pair, 100 troy ounces for XAUUSD. */
        BigDecimal contractSize();

        /** Volumes are whole multiples of this many lots. */
        @WithDefault("0.01")
        BigDecimal lotStep();

        /** ISO 4217 code (or a crypto ticker) of the currency prices are quoted in. */
        String quoteCurrency();
    }
}
