package com.tradesignals.affiliate.enrollment;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.affiliate.AffiliateProblems;
import com.tradesignals.affiliate.tier.TierTable;
import com.tradesignals.platform.audit.AuditLog;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Joining the programme and the referral link. */
@ApplicationScoped
public class EnrollmentService {

    private final AffiliateRepository affiliates;
    private final TierTable tiers;
    private final AuditLog audit;
    private final AffiliateConfig config;
    private final Clock clock;

    EnrollmentService(AffiliateRepository affiliates, TierTable tiers, AuditLog audit, AffiliateConfig config,
            Clock clock) {
        this.affiliates = affiliates;
        this.tiers = tiers;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Enrols the user, or answers their existing enrolment: calling it twice changes nothing. */
    @WithTransaction
    public Uni<Enrollment> register(UUID userId) {
        return affiliates.insertIfAbsent(userId, ReferralTokens.newToken(), clock.instant())
                .chain(isNew -> affiliates.findByUserId(userId)
                        .call(affiliate -> isNew
                                ? audit.record("user:" + userId, "affiliate.registered", "affiliate:" + userId, Map.of())
                                : Uni.createFrom().voidItem())
                        .map(affiliate -> new Enrollment(view(affiliate), isNew)));
    }

    @WithSession
    public Uni<ReferralLink> link(UUID userId) {
        return require(userId).map(affiliate -> new ReferralLink(affiliate.referralToken, linkOf(affiliate)));
    }

    /** The caller's affiliate record; 404 when they have not joined. Runs in the caller's session. */
    public Uni<Affiliate> require(UUID userId) {
        return affiliates.findByUserId(userId).onItem().ifNull().failWith(AffiliateProblems::notAnAffiliate);
    }

    private AffiliateView view(Affiliate affiliate) {
        TierTable.Tier tier = tiers.tierFor(affiliate.activatedReferrals);
        return new AffiliateView(affiliate.userId, affiliate.referralToken, linkOf(affiliate), tier.number(),
                tier.name(), affiliate.createdAt);
    }

    private String linkOf(Affiliate affiliate) {
        String base = config.linkBaseUrl();
        return base + (base.contains("?") ? "&" : "?") + "ref=" + affiliate.referralToken;
    }

    /** @param isNew whether this call enrolled the user */
    public record Enrollment(AffiliateView affiliate, boolean isNew) {
    }
}
