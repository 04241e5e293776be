package com.tradesignals.affiliate.commission;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.contracts.events.AssetClass;
import com.tradesignals.platform.instruments.Instrument;
import com.tradesignals.platform.instruments.InstrumentCatalogue;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Prices a fill: its fee base, the amount the tier rates share. Per lot (an amount in the programme currency for each
 * commissionable lot, as broker IB programmes pay) or a rate on the notional, from the entry of the fill's symbol or
 * else of its asset class. The instrument comes from the platform's catalogue, never from the event's computed
 * fields. Checked once at startup: a schedule that could mis-price a fill stops the service instead.
 */
@Startup
@ApplicationScoped
public class FeeSchedule {

    private static final Logger LOG = Logger.getLogger(FeeSchedule.class);

    /** Per-lot amounts are money: the ledger's 8 decimals at most. */
    static final int MAX_PER_LOT_SCALE = CommissionCalculator.SCALE;
    /** Rates on notional are small (1 bp is 0.0001): 10 decimals at most. */
    static final int MAX_RATE_SCALE = 10;
    /** A rate above 1 % of notional is a typo (0.1 written for 0.1 %), not a programme. */
    static final BigDecimal MAX_NOTIONAL_RATE = new BigDecimal("0.01");

    private final Function<String, Optional<Instrument>> catalogue;
    private final String currency;
    private final Map<AssetClass, Entry> byAssetClass = new EnumMap<>(AssetClass.class);
    private final Map<String, Entry> bySymbol = new TreeMap<>();

    @Inject
    FeeSchedule(AffiliateConfig config, InstrumentCatalogue catalogue) {
        this(config, catalogue::find);
    }

    /** @param catalogue a symbol's instrument, as {@link InstrumentCatalogue#find} answers it */
    FeeSchedule(AffiliateConfig config, Function<String, Optional<Instrument>> catalogue) {
        this.catalogue = catalogue;
        this.currency = config.currency();
        config.feeSchedule().assetClasses().forEach((name, basis) -> byAssetClass.put(assetClass(name),
                entry("affiliates.fee-schedule.asset-classes." + name, basis)));
        config.feeSchedule().symbols().forEach((symbol, basis) -> {
            String key = "affiliates.fee-schedule.symbols." + symbol;
            Entry entry = entry(key, basis);
            Instrument instrument = catalogue.apply(symbol).orElseThrow(() -> invalid(key
                    + ": the instrument catalogue (instruments.symbols) does not know this symbol"));
            if (entry.basis() == CommissionBasis.NOTIONAL_RATE && !isInProgrammeCurrency(instrument)) {
                throw invalid(key + ".notional-rate: " + instrument.symbol() + " is quoted in "
                        + instrument.quoteCurrency() + ", not in the programme currency " + currency
                        + "; use per-lot");
            }
            bySymbol.put(instrument.symbol(), entry);
        });
        byAssetClass.forEach((assetClass, entry) -> {
            if (entry.basis() == CommissionBasis.NOTIONAL_RATE) {
                LOG.infof("Fills of %s instruments quoted in another currency than %s cannot be priced on notional; "
                        + "they are recorded as unpriced unless their symbol has a per-lot entry", assetClass, currency);
            }
        });
    }

    /**
     * The fee base of {@code lots} (commissionable, positive) of {@code symbol} filled at {@code price}, or why it
     * cannot be priced.
     */
    public Pricing price(String symbol, BigDecimal lots, BigDecimal price) {
        Optional<Instrument> known = catalogue.apply(symbol);
        if (known.isEmpty()) {
            return new Pricing.Unpriced(UnpricedReason.UNKNOWN_INSTRUMENT);
        }
        Instrument instrument = known.get();
        Entry entry = bySymbol.getOrDefault(instrument.symbol(), byAssetClass.get(instrument.assetClass()));
        if (entry == null) {
            return new Pricing.Unpriced(UnpricedReason.NO_SCHEDULE_ENTRY);
        }
        if (entry.basis() == CommissionBasis.PER_LOT) {
            return new Pricing.Priced(instrument, lots, entry, lots.multiply(entry.value()));
        }
        if (!isInProgrammeCurrency(instrument)) {
            return new Pricing.Unpriced(UnpricedReason.FOREIGN_QUOTE_CURRENCY);
        }
        if (price == null || price.signum() <= 0) {
            return new Pricing.Unpriced(UnpricedReason.INVALID_PRICE);
        }
        // Exact: lots × contract size × price × rate, rounded once later with each level's amount.
        return new Pricing.Priced(instrument, lots, entry,
                lots.multiply(instrument.contractSize()).multiply(price).multiply(entry.value()));
    }

    private boolean isInProgrammeCurrency(Instrument instrument) {
        return instrument.quoteCurrency().equalsIgnoreCase(currency);
    }

    private static AssetClass assetClass(String name) {
        try {
            return AssetClass.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("affiliates.fee-schedule.asset-classes." + name + ": not an asset class, use one of "
                    + Arrays.toString(AssetClass.values()));
        }
    }

    private static Entry entry(String key, AffiliateConfig.Basis basis) {
        if (basis.perLot().isPresent() == basis.notionalRate().isPresent()) {
            throw invalid(key + ": set exactly one of per-lot and notional-rate");
        }
        if (basis.perLot().isPresent()) {
            BigDecimal perLot = basis.perLot().get();
            if (perLot.signum() <= 0 || perLot.stripTrailingZeros().scale() > MAX_PER_LOT_SCALE) {
                throw invalid(key + ".per-lot must be positive with at most " + MAX_PER_LOT_SCALE
                        + " decimals, is " + perLot.toPlainString());
            }
            return new Entry(CommissionBasis.PER_LOT, perLot);
        }
        BigDecimal rate = basis.notionalRate().get();
        if (rate.signum() <= 0 || rate.compareTo(MAX_NOTIONAL_RATE) > 0
                || rate.stripTrailingZeros().scale() > MAX_RATE_SCALE) {
            throw invalid(key + ".notional-rate must be in (0, " + MAX_NOTIONAL_RATE.toPlainString()
                    + "] with at most " + MAX_RATE_SCALE + " decimals, is " + rate.toPlainString());
        }
        return new Entry(CommissionBasis.NOTIONAL_RATE, rate);
    }

    private static IllegalStateException invalid(String reason) {
        return new IllegalStateException("Invalid affiliate fee schedule: " + reason);
    }

    /** @param value the amount per lot, or the rate on notional */
    public record Entry(CommissionBasis basis, BigDecimal value) {
    }
}
