package com.tradesignals.platform.instruments;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The configured instruments, checked at startup so that a catalogue entry that could mis-price a fill stops the
 * service instead. Symbols are matched case-insensitively.
 */
@Startup
@ApplicationScoped
public class InstrumentCatalogue {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z0-9]{3,5}");

    private final Map<String, Instrument> bySymbol = new TreeMap<>();

    public InstrumentCatalogue(InstrumentsConfig config) {
        config.symbols().forEach((symbol, spec) -> {
            String key = symbol.toUpperCase(Locale.ROOT);
            if (spec.contractSize().signum() <= 0 || spec.lotStep().signum() <= 0) {
                throw invalid(symbol, "contract-size and lot-step must be positive");
            }
            if (!CURRENCY.matcher(spec.quoteCurrency()).matches()) {
                throw invalid(symbol, "quote-currency must be a currency code such as USD, is " + spec.quoteCurrency());
            }
            bySymbol.put(key, new Instrument(key, spec.assetClass(), spec.contractSize(), spec.lotStep(),
                    spec.quoteCurrency()));
        });
    }

    public Optional<Instrument> find(String symbol) {
        return symbol == null ? Optional.empty() : Optional.ofNullable(bySymbol.get(symbol.toUpperCase(Locale.ROOT)));
    }

    private static IllegalStateException invalid(String symbol, String reason) {
        return new IllegalStateException("Invalid instrument catalogue entry instruments.symbols." + symbol + ": "
                + reason);
    }
}
