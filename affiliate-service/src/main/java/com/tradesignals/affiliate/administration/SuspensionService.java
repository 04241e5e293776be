package com.tradesignals.affiliate.administration;

import com.tradesignals.affiliate.AffiliateProblems;
import com.tradesignals.affiliate.enrollment.Affiliate;
import com.tradesignals.affiliate.enrollment.AffiliateRepository;
import com.tradesignals.contracts.events.affiliates.AffiliateSuspended;
import com.tradesignals.contracts.events.affiliates.AffiliateUnsuspended;
import com.tradesignals.platform.audit.AuditLog;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Suspending an affiliate and lifting it (decision 0307). While suspended no payout is requested or sent, and
 * commissions keep accruing but stay held: the ledger matures entries as of the suspension's start, so nothing that
 * was still held then becomes available until it is lifted. Lifting writes nothing else: each entry is available
 * again from its own {@code available_at}. Both run under the affiliate's row lock, as payout requests do.
 */
@ApplicationScoped
public class SuspensionService {

    private final AffiliateRepository affiliates;
    private final AuditLog audit;
    private final Clock clock;

    SuspensionService(AffiliateRepository affiliates, AuditLog audit, Clock clock) {
        this.affiliates = affiliates;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<AffiliateStanding> suspend(UUID adminId, UUID userId, String reason) {
        Instant now = clock.instant();
        return lock(userId).chain(affiliate -> {
            if (affiliate.isSuspended()) {
                throw AffiliateProblems.suspensionStatusConflict("The affiliate is suspended already, since "
                        + affiliate.suspendedAt);
            }
            affiliate.suspend(reason, now);
            return audit.recordChange(new AffiliateSuspended(userId, reason, adminId, now),
                            "admin:" + adminId, "affiliate.suspended", "affiliate:" + userId, Map.of("reason", reason))
                    .replaceWith(() -> AffiliateStanding.of(affiliate));
        });
    }

    @WithTransaction
    public Uni<AffiliateStanding> unsuspend(UUID adminId, UUID userId) {
        Instant now = clock.instant();
        return lock(userId).chain(affiliate -> {
            if (!affiliate.isSuspended()) {
                throw AffiliateProblems.suspensionStatusConflict("The affiliate is not suspended");
            }
            Instant suspendedAt = affiliate.suspendedAt;
            affiliate.unsuspend(now);
            return audit.recordChange(new AffiliateUnsuspended(userId, suspendedAt, adminId, now),
                            "admin:" + adminId, "affiliate.unsuspended", "affiliate:" + userId,
                            Map.of("suspended_at", suspendedAt.toString()))
                    .replaceWith(() -> AffiliateStanding.of(affiliate));
        });
    }

    private Uni<Affiliate> lock(UUID userId) {
        return affiliates.lockByUserId(userId).onItem().ifNull().failWith(AffiliateProblems::notAnAffiliate);
    }
}
