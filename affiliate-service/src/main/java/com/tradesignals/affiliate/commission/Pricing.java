package com.tradesignals.affiliate.commission;

import com.tradesignals.platform.instruments.Instrument;
import java.math.BigDecimal;

/** What the fee schedule made of a fill: a fee base, or the reason it could not price it. */
public sealed interface Pricing {

    /** @param feeBase exact, not rounded: the tier rates share it, and each amount is rounded once */
    record Priced(Instrument instrument, BigDecimal lots, FeeSchedule.Entry entry, BigDecimal feeBase)
            implements Pricing {
    }

    record Unpriced(UnpricedReason reason) implements Pricing {
    }
}
