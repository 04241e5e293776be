package com.tradesignals.affiliate.ledger;

import java.math.BigDecimal;

/**
 * An affiliate's balances. Always {@code earned = held + available + reserved + paid - clawed_back}, where
 * {@code clawed_back} is the sum of the negative clawback entries (0 or less). {@code available} is negative
 * while clawbacks exceed what is owed: future commissions pay that back before anything can be paid out.
 */
public record Balances(BigDecimal earned, BigDecimal held, BigDecimal available, BigDecimal reserved,
        BigDecimal paid, BigDecimal clawedBack, String currency) {
}
