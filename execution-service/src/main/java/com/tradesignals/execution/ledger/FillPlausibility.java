package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.AssetClass;
import com.tradesignals.execution.ExecutionConfig;
import com.tradesignals.platform.instruments.Instrument;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a reported fill could be real: the terminal is in its user's hands, so a fill only counts when its side is
 * the signal's, its size a whole number of the instrument's lot steps and its price within the asset class's band
 * around the signal's reference price. An instrument the catalogue does not know cannot be checked for step and
 * band; its fills still count for the execution, and the affiliate programme leaves them unpriced.
 */
@Startup
@ApplicationScoped
public class FillPlausibility {

    /** Why a fill is implausible: the report's outcome and the fill's flag reason. */
    public record Implausible(Outcome outcome, String reason) {
    }

    private final Map<AssetClass, BigDecimal> priceBands;

    FillPlausibility(ExecutionConfig config) {
        this.priceBands = new EnumMap<>(AssetClass.class);
        this.priceBands.putAll(config.plausibility().priceBand());
        for (AssetClass assetClass : AssetClass.values()) {
            BigDecimal band = priceBands.get(assetClass);
            if (band == null || band.signum() <= 0 || band.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalStateException("execution.plausibility.price-band." + assetClass
                        + " must be set, above 0 and below 1; is " + band);
            }
        }
        if (config.plausibility().commissionableCopies().signum() < 0) {
            throw new IllegalStateException("execution.plausibility.commissionable-copies must not be negative");
        }
    }

    public Optional<Implausible> check(Signal signal, Optional<Instrument> instrument, ReportedFill fill) {
        if (fill.side() != null && fill.side() != signal.side()) {
            return Optional.of(new Implausible(Outcome.SIDE_MISMATCH, "side-mismatch"));
        }
        if (instrument.isEmpty()) {
            return Optional.empty();
        }
        if (!instrument.get().isOnLotStep(fill.size())) {
            return Optional.of(new Implausible(Outcome.OFF_LOT_STEP, "off-lot-step"));
        }
        if (signal.price() != null
                && !isWithinBand(fill.price(), signal.price(), priceBands.get(instrument.get().assetClass()))) {
            return Optional.of(new Implausible(Outcome.PRICE_OUT_OF_BAND, "price-out-of-band"));
        }
        return Optional.empty();
    }

    /** Whether {@code price} is within the instrument's asset-class band around {@code reference}. */
    public boolean isWithinBand(Instrument instrument, BigDecimal price, BigDecimal reference) {
        return isWithinBand(price, reference, priceBands.get(instrument.assetClass()));
    }

    /** |price − reference| ≤ band × reference, exactly. */
    static boolean isWithinBand(BigDecimal price, BigDecimal reference, BigDecimal band) {
        return price.subtract(reference).abs().compareTo(reference.multiply(band, MathContext.UNLIMITED)) <= 0;
    }
}
