package com.tradesignals.affiliate.payoutmethod;

/** Where a payout can go; the {@code type} of a payout method in JSON. */
public enum PayoutMethodKind { BANK_TRANSFER, PAYPAL, CRYPTO }
