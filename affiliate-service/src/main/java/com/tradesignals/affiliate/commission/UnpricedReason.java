package com.tradesignals.affiliate.commission;

/** Why a fill earned no commission although it should have: an administrator decides what it was worth. */
public enum UnpricedReason {
    /** The instrument catalogue does not know the fill's instrument. */
    UNKNOWN_INSTRUMENT("unknown-instrument"),
    /** The fee schedule has no entry for the instrument's symbol or asset class. */
    NO_SCHEDULE_ENTRY("no-schedule-entry"),
    /** The entry is a rate on notional, but the instrument is quoted in another currency than the programme's. */
    FOREIGN_QUOTE_CURRENCY("foreign-quote-currency"),
    /** The entry is a rate on notional, but the fill carries no positive price. */
    INVALID_PRICE("invalid-price");

    private final String code;

    UnpricedReason(String code) {
        this.code = code;
    }

    /** As stored, in the metric's {@code reason} tag and in the admin list. */
    public String code() {
        return code;
    }

    public static UnpricedReason fromCode(String code) {
        for (UnpricedReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown unpriced reason " + code);
    }
}
