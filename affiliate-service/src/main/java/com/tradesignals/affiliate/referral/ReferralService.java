package com.tradesignals.affiliate.referral;

import com.tradesignals.affiliate.AffiliateProblems;
import com.tradesignals.affiliate.activation.UserDeviceRepository;
import com.tradesignals.affiliate.commission.TierTable;
import com.tradesignals.affiliate.enrollment.Affiliate;
import com.tradesignals.affiliate.enrollment.AffiliateRepository;
import com.tradesignals.affiliate.enrollment.EnrollmentService;
import com.tradesignals.affiliate.paging.Cursor;
import com.tradesignals.affiliate.paging.Page;
import com.tradesignals.platform.audit.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The referral tree: claiming a referral, activating it, listing an affiliate's direct referrals. */
@ApplicationScoped
public class ReferralService {

    private final ReferralRepository referrals;
    private final AffiliateRepository affiliates;
    private final UserDeviceRepository userDevices;
    private final EnrollmentService enrollment;
    private final TierTable tiers;
    private final AuditLog audit;
    private final Clock clock;
    private final Counter claimed;
    private final Counter activated;

    ReferralService(ReferralRepository referrals, AffiliateRepository affiliates, UserDeviceRepository userDevices,
            EnrollmentService enrollment, TierTable tiers, AuditLog audit, Clock clock, MeterRegistry registry) {
        this.referrals = referrals;
        this.affiliates = affiliates;
        this.userDevices = userDevices;
        this.enrollment = enrollment;
        this.tiers = tiers;
        this.audit = audit;
        this.clock = clock;
        this.claimed = registry.counter("affiliate.referrals.claimed");
        this.activated = registry.counter("affiliate.referrals.activated");
    }

    /**
     * Binds the caller to the affiliate whose token they arrived with, for life. Claiming the same referrer
     * again answers the existing referral. Activated at once when the caller already has a device.
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
                                    return bind(referrer, claimantId);
                                });
                    });
                });
    }

    private Uni<Claim> bind(Affiliate referrer, UUID claimantId) {
        Instant now = clock.instant();
        Referral referral = Referral.claim(referrer.userId, claimantId, now);
        return referrals.persist(referral)
                .chain(() -> audit.record("user:" + claimantId, "referral.claimed", "referral:" + claimantId,
                        Map.of("referrer_id", referrer.userId.toString())))
                .invoke(() -> claimed.increment())
                .chain(() -> userDevices.count("userId", claimantId))
                .chain(devices -> devices > 0 ? activate(referral, now) : Uni.createFrom().voidItem())
                .map(done -> new Claim(ReferralView.of(referral), true));
    }

    /**
     * The referred user registered a device: their pending referral, if any, activates, and their
     * referrer's tier is re-evaluated. Runs in the caller's transaction, after {@link ReferralRepository#lockTree()}.
     */
    public Uni<Void> onDeviceRegistered(UUID userId) {
        return referrals.findByReferred(userId).chain(referral -> referral != null && referral.isPending()
                ? activate(referral, clock.instant())
                : Uni.createFrom().voidItem());
    }

    public Uni<Void> lockTree() {
        return referrals.lockTree();
    }

    private Uni<Void> activate(Referral referral, Instant now) {
        referral.activate(now);
        return affiliates.lockByUserId(referral.referrerId).chain(referrer -> {
            int tierBefore = tiers.tierFor(referrer.activatedReferrals).number();
            referrer.activatedReferrals++;
            int tierAfter = tiers.tierFor(referrer.activatedReferrals).number();
            referrer.commissionTier = tierAfter;
            referrer.updatedAt = now;
            Uni<Void> recorded = audit.record("system", "referral.activated", "referral:" + referral.referredUserId,
                    Map.of("referrer_id", referrer.userId.toString(),
                            "activated_referrals", referrer.activatedReferrals));
            if (tierAfter != tierBefore) {
                recorded = recorded.chain(() -> audit.record("system", "affiliate.tier-changed",
                        "affiliate:" + referrer.userId, Map.of("from", tierBefore, "to", tierAfter)));
            }
            return recorded.invoke(() -> activated.increment());
        });
    }

    @WithSession
    public Uni<Page<ReferralView>> directReferrals(UUID referrerId, Cursor after, int limit) {
        return enrollment.require(referrerId)
                .chain(affiliate -> referrals.page(referrerId, after == null ? null : after.createdAt(),
                        after == null ? null : after.id(), limit + 1))
                .map(rows -> Page.of(rows, limit, row -> Cursor.after(row.createdAt, row.id), ReferralView::of));
    }

    /** @param isNew whether this call made the referral */
    public record Claim(ReferralView referral, boolean isNew) {
    }
}
