package com.tradesignals.affiliate.payoutmethod;

import com.tradesignals.affiliate.AffiliateProblems;
import com.tradesignals.affiliate.enrollment.AffiliateRepository;
import com.tradesignals.affiliate.enrollment.EnrollmentService;
import com.tradesignals.platform.audit.AuditLog;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An affiliate's payout method: set (or replaced) under the affiliate's row lock, the lock a payout request
 * takes too, so a request sees either the old method or the new one. Audited in its masked form only.
 */
@ApplicationScoped
public class PayoutMethodService {

    private final PayoutMethodRepository methods;
    private final AffiliateRepository affiliates;
    private final EnrollmentService enrollment;
    private final PayoutMethodCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    PayoutMethodService(PayoutMethodRepository methods, AffiliateRepository affiliates, EnrollmentService enrollment,
            PayoutMethodCipher cipher, AuditLog audit, Clock clock) {
        this.methods = methods;
        this.affiliates = affiliates;
        this.enrollment = enrollment;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets the caller's payout method, replacing any earlier one: later payout requests go there. */
    @WithTransaction
    public Uni<Saved> set(UUID userId, PayoutMethodDetails details) {
        Instant now = clock.instant();
        SealedPayoutMethod sealed = cipher.seal(userId, details);
        return affiliates.lockByUserId(userId)
                .onItem().ifNull().failWith(AffiliateProblems::notAnAffiliate)
                .chain(() -> methods.findById(userId))
                .chain(existing -> {
                    Map<String, Object> audited = new HashMap<>();
                    audited.put("kind", details.kind().name());
                    audited.put("masked", details.masked());
                    Uni<PayoutMethod> saved;
                    if (existing == null) {
                        saved = methods.persist(PayoutMethod.of(userId, sealed, now));
                    } else {
                        audited.put("previous_kind", existing.kind.name());
                        audited.put("previous_masked", existing.masked);
                        existing.replace(sealed, now);
                        saved = Uni.createFrom().item(existing);
                    }
                    return saved.call(() -> audit.record("user:" + userId,
                                    existing == null ? "payout-method.set" : "payout-method.changed",
                                    "payout-method:" + userId, audited))
                            .map(method -> new Saved(PayoutMethodView.of(details, now), existing == null));
                });
    }

    /** The caller's payout method, masked; 404 when they have not set one. */
    @WithSession
    public Uni<PayoutMethodView> get(UUID userId) {
        return enrollment.require(userId)
                .chain(() -> methods.findById(userId))
                .onItem().ifNull().failWith(AffiliateProblems::payoutMethodNotSet)
                .map(method -> PayoutMethodView.of(cipher.open(userId, method.sealed()), method.updatedAt));
    }

    /** The payout method a payout of {@code userId} is sent to, or null; in the caller's transaction. */
    public Uni<SealedPayoutMethod> current(UUID userId) {
        return methods.findById(userId).map(method -> method == null ? null : method.sealed());
    }

    /** @param isNew whether this call set the first payout method */
    public record Saved(PayoutMethodView method, boolean isNew) {
    }
}
