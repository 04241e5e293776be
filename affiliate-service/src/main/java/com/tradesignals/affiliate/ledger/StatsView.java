package com.tradesignals.affiliate.ledger;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An affiliate's dashboard. */
@Schema(description = "An affiliate's dashboard", requiredProperties = { "balances", "tier", "referrals",
        "earnings_by_month" })
public record StatsView(
        @Schema(description = "The balances") Balances balances,
        @Schema(description = "Where the affiliate stands in the tiers") TierProgress tier,
        @Schema(description = "Referrals per level") List<ReferralCount> referrals,
        @Schema(description = "Earnings per UTC month") List<MonthEarnings> earningsByMonth) {

    /**
     * @param rates        the rate of each level in the current tier, level 1 first
     * @param nextTier     null at the top tier
     */
    @Schema(description = "The affiliate's tier and what the next one takes", requiredProperties = {
            "number", "name", "activated_referrals", "rates" })
    public record TierProgress(
            @Schema(description = "The tier number", examples = "1") int number,
            @Schema(description = "The tier", examples = "Bronze") String name,
            @Schema(description = "Activated direct referrals") int activatedReferrals,
            @Schema(description = "The rate of each level in this tier, level 1 first") List<BigDecimal> rates,
            @Schema(description = "The next tier; null at the top", nullable = true) NextTier nextTier) {
    }

    @Schema(description = "The next tier", requiredProperties = {
            "number", "name", "min_activated_referrals", "referrals_to_go" })
    public record NextTier(
            @Schema(description = "Its number") int number,
            @Schema(description = "Its name") String name,
            @Schema(description = "Activated referrals it takes") int minActivatedReferrals,
            @Schema(description = "How many more") int referralsToGo) {
    }

    /** Referrals {@code level} steps below the affiliate (1: their own referrals). */
    @Schema(description = "Referrals at one level", requiredProperties = {
            "level", "pending", "activated" })
    public record ReferralCount(
            @Schema(description = "Steps below the affiliate (1: their own referrals)") int level,
            @Schema(description = "Referrals not yet trading") long pending,
            @Schema(description = "Referrals that traded") long activated) {
    }

    /**
     * @param month      UTC, {@code YYYY-MM}
     * @param earned     commissions accrued that month and not refunded
     * @param clawedBack clawback entries made that month (0 or less)
     * @param adjusted   administrators' adjustments made that month, signed
     */
    @Schema(description = "Earnings of one month", requiredProperties = {
            "month", "earned", "clawed_back", "adjusted" })
    public record MonthEarnings(
            @Schema(description = "UTC month, YYYY-MM", examples = "2026-11") String month,
            @Schema(description = "Commissions accrued that month and not refunded") BigDecimal earned,
            @Schema(description = "Clawback entries made that month (0 or less)") BigDecimal clawedBack,
            @Schema(description = "Administrators' adjustments made that month, signed") BigDecimal adjusted) {
    }
}
