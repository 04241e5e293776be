package com.tradesignals.affiliate.referral;

import com.tradesignals.affiliate.AffiliateProblems;
import com.tradesignals.affiliate.enrollment.Affiliate;
import com.tradesignals.affiliate.enrollment.AffiliateRepository;
import com.tradesignals.affiliate.enrollment.EnrollmentService;
import com.tradesignals.affiliate.tier.TierTable;
import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import com.tradesignals.contracts.events.affiliates.ReferralActivated;
import com.tradesignals.contracts.events.affiliates.ReferralClaimed;
import com.tradesignals.contracts.events.affiliates.TierChanged;
import com.tradesignals.platform.audit.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The referral tree: claiming a referral, activating it, listing an affiliate's direct referrals. */
@ApplicationScoped
public class ReferralService {

    /** What activated a referral. */
    public enum ActivatedBy { FIRST_FILL, FIRST_DEVICE }

    private final ReferralRepository referrals;
    private final AffiliateRepository affiliates;
    private final ClaimantActivity claimants;
    private final EnrollmentService enrollment;
    private final TierTable tiers;
    private final AuditLog audit;
    private final Clock clock;
    private final Counter claimed;
    private final Counter activated;

    ReferralService(ReferralRepository referrals, AffiliateRepository affiliates, ClaimantActivity claimants,
            EnrollmentService enrollment, TierTable tiers, AuditLog audit, Clock clock,
            MeterRegistry registry) {
        this.referrals = referrals;
        this.affiliates = affiliates;
        this.claimants = claimants;
        this.enrollment = enrollment;
        this.tiers = tiers;
        this.audit = audit;
        this.clock = clock;
        this.claimed = registry.counter("affiliate.referrals.claimed");
        this.activated = registry.counter("affiliate.referrals.activated");
    }

    /**
     * Binds the caller to the affiliate whose token they arrived with, for life, if they have not traded yet.
     * Claiming the same referrer again answers the existing referral. Under {@code first-device} activation, a
     * caller with a linked device is activated at once.
     */
    @WithTransaction
    public Uni<Claim> claim(UUID claimantId, String token) {
        return referrals.lockTree()
                .chain(() -> affiliates.findByToken(token))
                .onItem().ifNull().failWith(AffiliateProblems::unknownReferralToken)
                .chain(referrer -> {
                    if (referrer.userId.equals(claimantId)) {
                        throw AffiliateProblems.selfReferral();
                    }
                    return referrals.findByReferred(claimantId).chain(existing -> {
                        if (existing != null) {
                            if (existing.referrerId.equals(referrer.userId)) {
                                return Uni.createFrom().item(new Claim(ReferralView.of(existing), false));
                            }
                            throw AffiliateProblems.referrerAlreadySet();
                        }
                        return referrals.referrerChain(referrer.userId, ReferralRepository.MAX_TREE_DEPTH)
                                .chain(ancestors -> {
                                    if (ancestors.contains(claimantId)) {
                                        throw AffiliateProblems.referralCycle();
                                    }
                                    return claimants.hasTraded(claimantId);
                                })
                                .chain(hasTraded -> {
                                    if (hasTraded) {
                                        throw AffiliateProblems.alreadyTrading();
                                    }
                                    return bind(referrer, claimantId);
                                });
                    });
                });
    }

    private Uni<Claim> bind(Affiliate referrer, UUID claimantId) {
        Instant now = clock.instant();
        Referral referral = Referral.claim(referrer.userId, claimantId, now);
        return referrals.persist(referral)
                .chain(() -> audit.recordChange(new ReferralClaimed(referrer.userId, claimantId, now),
                        "user:" + claimantId, "referral.claimed", "referral:" + claimantId,
                        Map.of("referrer_id", referrer.userId.toString())))
                .invoke(() -> claimed.increment())
                .chain(() -> claimants.qualifiesOnClaim(claimantId))
                .chain(qualifies -> qualifies
                        ? activate(referral, ActivatedBy.FIRST_DEVICE, null, now)
                        : Uni.createFrom().voidItem())
                .map(done -> new Claim(ReferralView.of(referral), true));
    }

    /**
     * The user's referral, if pending, activates, and their referrer's tier is re-evaluated. Runs in the caller's
     * transaction, after {@link #lockTree()}.
     *
     * @param fillId the qualifying fill, or null
     */
    public Uni<Void> activatePending(UUID userId, ActivatedBy activatedBy, UUID fillId) {
        return referrals.findByReferred(userId).chain(referral -> referral != null && referral.isPending()
                ? activate(referral, activatedBy, fillId, clock.instant())
                : Uni.createFrom().voidItem());
    }

    public Uni<Set<UUID>> pendingAmong(Collection<UUID> userIds) {
        return referrals.pendingAmong(userIds);
    }

    public Uni<Void> lockTree() {
        return referrals.lockTree();
    }

    private Uni<Void> activate(Referral referral, ActivatedBy activatedBy, UUID fillId, Instant now) {
        referral.activate(now);
        return affiliates.lockByUserId(referral.referrerId).chain(referrer -> {
            TierTable.Tier before = tiers.tierFor(referrer.activatedReferrals);
            referrer.activatedReferrals++;
            TierTable.Tier after = tiers.tierFor(referrer.activatedReferrals);
            referrer.commissionTier = after.number();
            referrer.updatedAt = now;
            Map<String, Object> details = new HashMap<>();
            details.put("referrer_id", referrer.userId.toString());
            details.put("activated_referrals", referrer.activatedReferrals);
            details.put("activated_by", activatedBy.name());
            if (fillId != null) {
                details.put("fill_id", fillId.toString());
            }
            Uni<Void> recorded = audit.recordChange(new ReferralActivated(referrer.userId,
                            referral.referredUserId, activatedBy.name(), fillId, referrer.activatedReferrals, now),
                    "system", "referral.activated", "referral:" + referral.referredUserId, details);
            if (after.number() != before.number()) {
                recorded = recorded
                        .chain(() -> audit.recordChange(new TierChanged(referrer.userId, before.number(),
                                        after.number(), after.name(), referrer.activatedReferrals, now),
                                "system", "affiliate.tier-changed", "affiliate:" + referrer.userId,
                                Map.of("from", before.number(), "to", after.number())));
            }
            return recorded.invoke(() -> activated.increment());
        });
    }

    @WithSession
    public Uni<Page<ReferralView>> directReferrals(UUID referrerId, Cursor after, int limit) {
        return enrollment.require(referrerId)
                .chain(affiliate -> referrals.page(referrerId, after == null ? null : after.at(),
                        after == null ? null : after.id(), limit + 1))
                .map(rows -> Page.of(rows, limit, row -> Cursor.after(row.createdAt, row.id), ReferralView::of));
    }

    /** @param isNew whether this call made the referral */
    public record Claim(ReferralView referral, boolean isNew) {
    }
}
