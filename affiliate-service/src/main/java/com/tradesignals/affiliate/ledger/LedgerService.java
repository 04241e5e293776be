package com.tradesignals.affiliate.ledger;

import static com.tradesignals.affiliate.commission.CommissionCalculator.money;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.affiliate.commission.CommissionRepository;
import com.tradesignals.affiliate.enrollment.Affiliate;
import com.tradesignals.affiliate.enrollment.EnrollmentService;
import com.tradesignals.affiliate.tier.TierTable;
import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import com.tradesignals.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an affiliate (or an administrator) reads of the ledger: balances, dashboard, statement. */
@ApplicationScoped
public class LedgerService {

    private final EnrollmentService enrollment;
    private final CommissionRepository commissions;
    private final LedgerQueries queries;
    private final TierTable tiers;
    private final AffiliateConfig config;
    private final Clock clock;

    LedgerService(EnrollmentService enrollment, CommissionRepository commissions, LedgerQueries queries,
            TierTable tiers, AffiliateConfig config, Clock clock) {
        this.enrollment = enrollment;
        this.commissions = commissions;
        this.queries = queries;
        this.tiers = tiers;
        this.config = config;
        this.clock = clock;
    }

    @WithSession
    public Uni<Balances> balances(UUID userId) {
        return enrollment.require(userId).chain(affiliate -> balancesOf(affiliate, clock.instant()));
    }

    @WithSession
    public Uni<StatsView> stats(UUID userId) {
        return enrollment.require(userId).chain(affiliate -> balancesOf(affiliate, clock.instant())
                .chain(balances -> queries.referralCounts(userId, tiers.levels())
                        .chain(referrals -> queries.earningsByMonth(userId)
                                .map(months -> new StatsView(balances, progress(affiliate), referrals, months)))));
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(UUID userId, HistoryFilter filter, Cursor after, int limit) {
        return enrollment.require(userId).chain(affiliate -> {
            Instant maturedBy = affiliate.maturedBy(clock.instant());
            return queries.entries(userId, filter, maturedBy, after == null ? null : after.at(),
                            after == null ? null : after.id(), limit + 1)
                    .map(rows -> Page.of(rows, limit, row -> Cursor.after(row.createdAt, row.id),
                            row -> HistoryEntry.of(row, maturedBy)));
        });
    }

    /** The whole filtered history for a CSV statement; too many rows is a 422 asking for a shorter period. */
    @WithSession
    public Uni<List<HistoryEntry>> statement(UUID userId, HistoryFilter filter) {
        int maximum = config.statementMaxRows();
        return enrollment.require(userId).chain(affiliate -> {
            Instant maturedBy = affiliate.maturedBy(clock.instant());
            return queries.entries(userId, filter, maturedBy, null, null, maximum + 1).map(rows -> {
                if (rows.size() > maximum) {
                    throw ProblemException.badRequest("statement-too-large",
                            "Statement too large", "A statement holds at most " + maximum
                                    + " entries; choose a shorter period (from, to)");
                }
                return rows.stream().map(row -> HistoryEntry.of(row, maturedBy)).toList();
            });
        });
    }

    @WithSession
    public Uni<LedgerView> ledgerOf(UUID userId, HistoryFilter filter, Cursor after, int limit) {
        return enrollment.require(userId).chain(affiliate -> balancesOf(affiliate, clock.instant())
                .chain(balances -> history(userId, filter, after, limit)
                        .map(entries -> new LedgerView(userId, affiliate.suspendedAt, affiliate.suspensionReason,
                                balances, entries))));
    }

    /** Held: accrued entries not available as of {@link Affiliate#maturedBy}, which stops at a suspension. */
    private Uni<Balances> balancesOf(Affiliate affiliate, Instant now) {
        return commissions.heldAmount(affiliate.userId, affiliate.maturedBy(now)).map(held -> new Balances(
                money(affiliate.totalCommission), money(held), money(affiliate.pendingCommission.subtract(held)),
                money(affiliate.reservedCommission), money(affiliate.paidCommission),
                money(affiliate.clawedBackCommission), config.currency()));
    }

    private StatsView.TierProgress progress(Affiliate affiliate) {
        TierTable.Tier tier = tiers.tierFor(affiliate.activatedReferrals);
        StatsView.NextTier next = tiers.next(tier)
                .map(higher -> new StatsView.NextTier(higher.number(), higher.name(), higher.minActivatedReferrals(),
                        higher.minActivatedReferrals() - affiliate.activatedReferrals))
                .orElse(null);
        return new StatsView.TierProgress(tier.number(), tier.name(), affiliate.activatedReferrals, tier.rates(), next);
    }

    /**
     * An affiliate's ledger as an administrator looks it up.
     *
     * @param suspendedAt null unless the affiliate is suspended (then {@code suspensionReason} says why)
     */
    @Schema(description = "An affiliate's ledger as an administrator reads it", requiredProperties = { "user_id",
            "balances", "entries" })
    public record LedgerView(
            @Schema(description = "The affiliate") UUID userId,
            @Schema(description = "Since when suspended; null when not", nullable = true) Instant suspendedAt,
            @Schema(description = "Why suspended", nullable = true) String suspensionReason,
            @Schema(description = "The balances") Balances balances,
            @Schema(description = "One page of ledger entries, newest first") Page<HistoryEntry> entries) {
    }
}
