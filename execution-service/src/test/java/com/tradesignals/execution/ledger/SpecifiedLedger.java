package com.tradesignals.execution.ledger;

import com.tradesignals.execution.ExecutionConfig;
import com.tradesignals.platform.instruments.InstrumentCatalogue;
import com.tradesignals.platform.instruments.InstrumentsConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * The ledger the specifications decide with, without Quarkus: the real configuration mappings, the catalogue's
 * shipped defaults, execution-service's price bands, and durations written as Quarkus reads them ("5m").
 */
final class SpecifiedLedger {

    private static final SmallRyeConfig CONFIG = new SmallRyeConfigBuilder()
            .addDefaultSources()
            .withConverter(Duration.class, 100, new DurationConverter())
            .withSources(new PropertiesConfigSource(Map.of(
                    "execution.plausibility.price-band.FX", "0.02",
                    "execution.plausibility.price-band.METAL", "0.03",
                    "execution.plausibility.price-band.INDEX", "0.03",
                    "execution.plausibility.price-band.CRYPTO", "0.05"), "test", 500))
            .withMapping(ExecutionConfig.class)
            .withMapping(InstrumentsConfig.class)
            .build();
    private static final ExecutionConfig EXECUTION = CONFIG.getConfigMapping(ExecutionConfig.class);

    static final ExecutionLedger LEDGER = new ExecutionLedger(EXECUTION,
            new InstrumentCatalogue(CONFIG.getConfigMapping(InstrumentsConfig.class)), new FillPlausibility(EXECUTION));

    private SpecifiedLedger() {
    }
}
