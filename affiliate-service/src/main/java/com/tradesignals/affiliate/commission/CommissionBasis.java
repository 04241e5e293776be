package com.tradesignals.affiliate.commission;

/** How a fill's fee base was computed (decision 0307). */
public enum CommissionBasis {
    /** Commissionable lots × an amount per lot, in the programme currency. */
    PER_LOT,
    /** Commissionable lots × contract size × price × a rate: notional in the programme currency, times a rate. */
    NOTIONAL_RATE
}
