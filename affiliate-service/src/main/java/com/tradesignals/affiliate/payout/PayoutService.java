package com.tradesignals.affiliate.payout;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.affiliate.AffiliateProblems;
import com.tradesignals.affiliate.commission.Commission;
import com.tradesignals.affiliate.commission.CommissionCalculator;
import com.tradesignals.affiliate.commission.CommissionRepository;
import com.tradesignals.affiliate.enrollment.Affiliate;
import com.tradesignals.affiliate.enrollment.AffiliateRepository;
import com.tradesignals.affiliate.enrollment.EnrollmentService;
import com.tradesignals.platform.paging.Cursor;
import com.tradesignals.platform.paging.Page;
import com.tradesignals.affiliate.payoutmethod.PayoutMethodService;
import com.tradesignals.affiliate.payoutmethod.SealedPayoutMethod;
import com.tradesignals.contracts.events.affiliates.CommissionsPaid;
import com.tradesignals.contracts.events.affiliates.PayoutStatusChanged;
import com.tradesignals.platform.audit.AuditLog;
import com.tradesignals.platform.outbox.Outbox;
import com.tradesignals.platform.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Payouts: requests reserve funds at once under the affiliate's row lock, so concurrent requests can never
 * reserve more than is available; the job ({@link PayoutProcessor}) takes them through the provider.
 */
@ApplicationScoped
public class PayoutService {

    private static final Logger LOG = Logger.getLogger(PayoutService.class);

    private final PayoutRepository payouts;
    private final AffiliateRepository affiliates;
    private final CommissionRepository commissions;
    private final EnrollmentService enrollment;
    private final PayoutMethodService payoutMethods;
    private final Outbox outbox;
    private final AuditLog audit;
    private final AffiliateConfig config;
    private final Clock clock;
    private final MeterRegistry registry;

    PayoutService(PayoutRepository payouts, AffiliateRepository affiliates, CommissionRepository commissions,
            EnrollmentService enrollment, PayoutMethodService payoutMethods, Outbox outbox, AuditLog audit,
            AffiliateConfig config, Clock clock, MeterRegistry registry) {
        this.payouts = payouts;
        this.affiliates = affiliates;
        this.commissions = commissions;
        this.enrollment = enrollment;
        this.payoutMethods = payoutMethods;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Requests a payout of {@code amount} from the available balance. With an idempotency key, a repeated
     * request (same key, same amount) answers the payout the first one made; another amount is a conflict.
     */
    @WithTransaction
    public Uni<Requested> request(UUID userId, BigDecimal amount, String idempotencyKey) {
        Instant now = clock.instant();
        return affiliates.lockByUserId(userId)
                .onItem().ifNull().failWith(AffiliateProblems::notAnAffiliate)
                .chain(affiliate -> payouts.requestStanding(userId, idempotencyKey, affiliate.maturedBy(now))
                        .chain(standing -> standing.earlierPayoutId() == null
                                ? reserve(affiliate, amount, idempotencyKey, standing.held(), now)
                                : payouts.findById(standing.earlierPayoutId()).map(earlier -> {
                                    if (earlier.amount.compareTo(amount) != 0) {
                                        throw AffiliateProblems.idempotencyKeyReused();
                                    }
                                    return new Requested(PayoutView.of(earlier), false);
                                })));
    }

    /** Reserves the amount for a payout to the affiliate's current payout method, which the payout keeps. */
    private Uni<Requested> reserve(Affiliate affiliate, BigDecimal amount, String idempotencyKey, BigDecimal held,
            Instant now) {
        if (affiliate.isSuspended()) {
            throw AffiliateProblems.affiliateSuspended();
        }
        return payoutMethods.current(affiliate.userId).chain(method -> {
            if (method == null) {
                throw AffiliateProblems.noPayoutMethod();
            }
            if (amount.compareTo(config.minimumPayout()) < 0) {
                throw AffiliateProblems.payoutBelowMinimum(config.minimumPayout(), config.currency());
            }
            requireAvailable(affiliate, amount, held);
            affiliate.reserve(amount, now);
            Payout payout = Payout.request(affiliate.userId, CommissionCalculator.money(amount), config.currency(),
                    idempotencyKey, method, now);
            return payouts.persist(payout)
                    .chain(() -> changed(payout, null, "user:" + affiliate.userId, now))
                    .replaceWith(() -> new Requested(PayoutView.of(payout), true));
        });
    }

    private void requireAvailable(Affiliate affiliate, BigDecimal amount, BigDecimal held) {
        BigDecimal available = affiliate.pendingCommission.subtract(held);
        if (amount.compareTo(available) > 0) {
            throw AffiliateProblems.insufficientAvailableBalance(available.max(BigDecimal.ZERO), config.currency());
        }
    }

    @WithSession
    public Uni<Page<PayoutView>> payoutsOf(UUID userId, Cursor after, int limit) {
        return enrollment.require(userId).chain(affiliate -> page(userId, null, after, limit));
    }

    @WithSession
    public Uni<PayoutView> payoutOf(UUID userId, UUID payoutId) {
        return payouts.findById(payoutId).map(payout -> {
            if (payout == null || !payout.referrerId.equals(userId)) {
                throw ProblemException.notFound("Payout");
            }
            return PayoutView.of(payout);
        });
    }

    @WithSession
    public Uni<Page<PayoutView>> allPayouts(Payout.Status status, Cursor after, int limit) {
        return page(null, status, after, limit);
    }

    private Uni<Page<PayoutView>> page(UUID userId, Payout.Status status, Cursor after, int limit) {
        return payouts.page(userId, status, after == null ? null : after.at(), after == null ? null : after.id(),
                        limit + 1)
                .map(rows -> Page.of(rows, limit, row -> Cursor.after(row.createdAt, row.id), PayoutView::of));
    }

    /**
     * Takes the payouts due for the provider (skipping those another replica holds) and marks them
     * processing; the provider is called outside this transaction.
     */
    @WithTransaction
    public Uni<List<DuePayout>> startDue() {
        Instant now = clock.instant();
        return payouts.lockDue(now.minus(config.payouts().staleAfter()), config.payouts().batchSize())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Payout>of()) : payouts.list("id in ?1", ids))
                .chain(due -> {
                    List<DuePayout> orders = new ArrayList<>();
                    Uni<Void> work = Uni.createFrom().voidItem();
                    for (Payout payout : due) {
                        Payout.Status previous = payout.status;
                        payout.status = Payout.Status.PROCESSING;
                        payout.attempts++;
                        payout.processingStartedAt = now;
                        payout.updatedAt = now;
                        orders.add(new DuePayout(payout.id, payout.referrerId, payout.amount, payout.currency,
                                payout.payoutMethod()));
                        if (previous == Payout.Status.PENDING) {
                            work = work.chain(() -> changed(payout, previous, "system", now));
                        } else {
                            LOG.warnf("Payout %s sent to the provider again (attempt %d)", payout.id, payout.attempts);
                        }
                    }
                    return work.replaceWith(orders);
                });
    }

    /** Applies the provider's answer: completed pays the reserved funds, failed returns them. */
    @WithTransaction
    public Uni<Void> finish(UUID payoutId, PayoutResult result) {
        Instant now = clock.instant();
        return payouts.lock(payoutId).chain(payout -> {
            if (payout.status != Payout.Status.PROCESSING) {
                LOG.errorf("Provider answered %s for payout %s, which is %s: reconcile by hand", result, payoutId,
                        payout.status);
                return audit.record("system", "payout.result-ignored", "payout:" + payoutId,
                        Map.of("result", result.toString(), "status", payout.status.name()));
            }
            return affiliates.lockByUserId(payout.referrerId).chain(affiliate -> result instanceof PayoutResult.Completed completed
                    ? complete(payout, affiliate, completed.reference(), now)
                    : fail(payout, affiliate, ((PayoutResult.Failed) result).reason(), "system", now));
        });
    }

    private Uni<Void> complete(Payout payout, Affiliate affiliate, String reference, Instant now) {
        affiliate.markPaid(payout.amount, now);
        payout.status = Payout.Status.COMPLETED;
        payout.reference = reference;
        payout.paidAt = now;
        return settleLedger(affiliate, payout.id, now)
                .chain(() -> changed(payout, Payout.Status.PROCESSING, "system", now));
    }

    /**
     * Marks what the completed payouts cover: outstanding clawback entries (and negative adjustments) are netted
     * first, then the oldest matured commissions (and positive adjustments) that the paid money covers in full (one
     * covered in part waits for the next). Announces the entries settled, in one event per payout.
     */
    private Uni<Void> settleLedger(Affiliate affiliate, UUID payoutId, Instant now) {
        List<Commission> netted = new ArrayList<>();
        List<Commission> paid = new ArrayList<>();
        return commissions.unattributedPaid(affiliate.userId, affiliate.paidCommission)
                .chain(unattributed -> commissions.outstandingClawbacks(affiliate.userId).chain(clawbacks -> {
                    BigDecimal pool = unattributed;
                    for (Commission clawback : clawbacks) {
                        clawback.settle(payoutId, now);
                        netted.add(clawback);
                        pool = pool.subtract(clawback.amount);
                    }
                    BigDecimal cover = pool;
                    return commissions.maturedUnpaid(affiliate.userId, affiliate.maturedBy(now)).invoke(unpaid -> {
                        BigDecimal left = cover;
                        for (Commission commission : unpaid) {
                            if (commission.amount.compareTo(left) > 0) {
                                break;
                            }
                            commission.settle(payoutId, now);
                            paid.add(commission);
                            left = left.subtract(commission.amount);
                        }
                    });
                }))
                .chain(() -> netted.isEmpty() && paid.isEmpty() ? Uni.createFrom().voidItem()
                        : outbox.add(new CommissionsPaid(payoutId, affiliate.userId, ids(paid), sum(paid), ids(netted),
                                sum(netted), config.currency(), now)));
    }

    private static List<UUID> ids(List<Commission> entries) {
        return entries.stream().map(entry -> entry.id).toList();
    }

    private static BigDecimal sum(List<Commission> entries) {
        return CommissionCalculator.money(entries.stream().map(entry -> entry.amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private Uni<Void> fail(Payout payout, Affiliate affiliate, String reason, String actor, Instant now) {
        Payout.Status previous = payout.status;
        affiliate.release(payout.amount, now);
        payout.status = Payout.Status.FAILED;
        payout.failureReason = reason;
        return changed(payout, previous, actor, now);
    }

    /**
     * An administrator gives up on a pending payout: its funds return to the affiliate. A processing payout may
     * already have been paid by the provider, so only the provider's answer ends it: the job sends it again, with
     * the same idempotency key, once {@code affiliates.payouts.stale-after} has passed.
     */
    @WithTransaction
    public Uni<PayoutView> markFailed(UUID adminId, UUID payoutId, String reason) {
        Instant now = clock.instant();
        return lockExisting(payoutId).chain(payout -> {
            if (payout.status != Payout.Status.PENDING) {
                throw AffiliateProblems.payoutStatusConflict("Only a pending payout can be marked failed; this one "
                        + "is " + payout.status + (payout.status == Payout.Status.PROCESSING
                                ? ", and only the provider's answer can end it" : ""));
            }
            return affiliates.lockByUserId(payout.referrerId)
                    .chain(affiliate -> fail(payout, affiliate, reason, "admin:" + adminId, now))
                    .replaceWith(() -> PayoutView.of(payout));
        });
    }

    /** An administrator sends a failed payout again: its funds are reserved again, if still available. */
    @WithTransaction
    public Uni<PayoutView> retry(UUID adminId, UUID payoutId) {
        Instant now = clock.instant();
        return lockExisting(payoutId).chain(payout -> {
            if (payout.status != Payout.Status.FAILED) {
                throw AffiliateProblems.payoutStatusConflict("Only a failed payout can be retried; this one is "
                        + payout.status);
            }
            return affiliates.lockByUserId(payout.referrerId).chain(affiliate -> commissions
                            .heldAmount(affiliate.userId, affiliate.maturedBy(now))
                    .chain(held -> {
                        requireAvailable(affiliate, payout.amount, held);
                        affiliate.reserve(payout.amount, now);
                        payout.status = Payout.Status.PENDING;
                        payout.failureReason = null;
                        return changed(payout, Payout.Status.FAILED, "admin:" + adminId, now);
                    }))
                    .replaceWith(() -> PayoutView.of(payout));
        });
    }

    private Uni<Payout> lockExisting(UUID payoutId) {
        return payouts.lock(payoutId).onItem().ifNull().failWith(() -> ProblemException.notFound("Payout"));
    }

    private Uni<Void> changed(Payout payout, Payout.Status previous, String actor, Instant now) {
        payout.updatedAt = now;
        Map<String, Object> details = new HashMap<>();
        details.put("amount", payout.amount.toPlainString());
        details.put("from", previous == null ? "NONE" : previous.name());
        if (previous == null && payout.payoutMethodKind != null) {
            details.put("payout_method", payout.payoutMethodKind + " " + payout.payoutMethodMasked);
        }
        if (payout.failureReason != null) {
            details.put("failure_reason", payout.failureReason);
        }
        return audit.recordChanges(List.of(new AuditLog.Change(new PayoutStatusChanged(payout.id, payout.referrerId,
                                payout.amount, payout.currency, payout.status.name(),
                                previous == null ? null : previous.name(), payout.failureReason, now),
                        actor, "payout." + payout.status.name().toLowerCase(), "payout:" + payout.id, details)))
                .invoke(() -> registry.counter("affiliate.payouts", "status", payout.status.name()).increment());
    }

    /** @param isNew false when an idempotent replay answered an earlier request's payout */
    public record Requested(PayoutView payout, boolean isNew) {
    }

    /**
     * A payout taken for the provider, its payout method still encrypted.
     *
     * @param payoutMethod null for a payout requested before payout methods existed
     */
    public record DuePayout(UUID payoutId, UUID userId, BigDecimal amount, String currency,
            SealedPayoutMethod payoutMethod) {
    }
}
