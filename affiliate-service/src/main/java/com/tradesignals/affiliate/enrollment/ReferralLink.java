package com.tradesignals.affiliate.enrollment;

/** @param link the page a newcomer opens; it carries the token as {@code ref} */
public record ReferralLink(String token, String link) {
}
