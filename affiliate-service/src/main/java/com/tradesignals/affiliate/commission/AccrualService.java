package com.tradesignals.affiliate.commission;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.affiliate.activation.ActivationService;
import com.tradesignals.affiliate.enrollment.Affiliate;
import com.tradesignals.affiliate.enrollment.AffiliateRepository;
import com.tradesignals.affiliate.referral.ReferralRepository;
import com.tradesignals.affiliate.tier.TierTable;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.affiliates.CommissionAccrued;
import com.tradesignals.contracts.events.affiliates.CommissionClawedBack;
import com.tradesignals.contracts.events.affiliates.CommissionRefunded;
import com.tradesignals.contracts.events.executions.FillBusted;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.platform.audit.AuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Accrues commissions from fills and takes them back when a fill is busted, a batch of records at a time, in the
 * consumer's transaction (see {@link ExecutionsConsumer}) with the beneficiaries' affiliate rows locked (decision
 * 0308).
 */
@ApplicationScoped
public class AccrualService {

    private static final Logger LOG = Logger.getLogger(AccrualService.class);

    private final ReferralRepository referrals;
    private final AffiliateRepository affiliates;
    private final CommissionRepository commissions;
    private final UnpricedFillRepository unpricedFills;
    private final ActivationService activation;
    private final FeeSchedule feeSchedule;
    private final CommissionCalculator calculator;
    private final TierTable tiers;
    private final AuditLog audit;
    private final AffiliateConfig config;
    private final Clock clock;
    private final MeterRegistry registry;

    AccrualService(ReferralRepository referrals, AffiliateRepository affiliates, CommissionRepository commissions,
            UnpricedFillRepository unpricedFills, ActivationService activation, FeeSchedule feeSchedule,
            CommissionCalculator calculator, TierTable tiers, AuditLog audit, AffiliateConfig config,
            Clock clock, MeterRegistry registry) {
        this.referrals = referrals;
        this.affiliates = affiliates;
        this.commissions = commissions;
        this.unpricedFills = unpricedFills;
        this.activation = activation;
        this.feeSchedule = feeSchedule;
        this.calculator = calculator;
        this.tiers = tiers;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Applies a batch of fills and busts (each busting an earlier fill), in their order, in the caller's transaction:
     * what one-by-one processing gives, with one statement per kind of row.
     *
     * <p>A fill's user is a trader from now on; a commissionable fill may activate their referral (before its
     * accrual, so the fill that qualifies a referral already counts it for the tier, and later fills of the batch
     * see the new tier); its commissionable lots accrue one commission per level of the trader's referrer chain, each
     * at the tier the beneficiary's activated referrals give them at that point. A fill the fee schedule cannot
     * price accrues nothing and is recorded as unpriced. A fill already accrued (the same fill id in another event,
     * in this batch or before) changes nothing; the unique key (fill, beneficiary, level) backs this up.
     *
     * <p>A bust takes back what the fill earned: an unpaid commission is refunded, a paid one is clawed back with a
     * negative entry that the next payout nets. A second bust of the same fill finds nothing left to take. An
     * unpriced fill is marked busted: it no longer needs pricing.
     *
     * <p>All beneficiaries (of the fills' referrer chains and of the busted fills' commissions) are locked once, in
     * user id order, before any commission is read; their running totals change in memory and are written once.
     */
    public Uni<Void> applyAll(List<IntegrationEvent> events) {
        Instant now = clock.instant();
        List<FillRecorded> fills = events.stream().filter(FillRecorded.class::isInstance)
                .map(FillRecorded.class::cast).toList();
        Set<UUID> bustedFills = events.stream().filter(FillBusted.class::isInstance)
                .map(event -> ((FillBusted) event).fillId()).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<UUID> earning = fills.stream().filter(AccrualService::isCommissionable).map(FillRecorded::userId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<UUID> allFills = new LinkedHashSet<>(bustedFills);
        fills.forEach(fill -> allFills.add(fill.fillId()));
        return activation.onFills(fills, AccrualService::isCommissionable, now)
                .chain(activating -> (earning.isEmpty() ? Uni.createFrom().item(Map.<UUID, List<UUID>>of())
                                : referrals.referrerChains(earning, tiers.levels()))
                        .chain(chains -> (bustedFills.isEmpty() ? Uni.createFrom().item(List.<UUID>of())
                                : commissions.beneficiariesOfFills(bustedFills))
                                .chain(bustBeneficiaries -> {
                                    Set<UUID> beneficiaries = new HashSet<>(bustBeneficiaries);
                                    chains.values().forEach(beneficiaries::addAll);
                                    return beneficiaries.isEmpty() ? Uni.createFrom().item(List.<Affiliate>of())
                                            : affiliates.lockAll(beneficiaries);
                                })
                                // Read after locking: a payout completing meanwhile may have marked some of them paid.
                                .chain(locked -> (locked.isEmpty() ? Uni.createFrom().item(List.<Commission>of())
                                        : commissions.commissionsOfFills(allFills))
                                        .chain(existing -> new Batch(chains, byUserId(locked), existing,
                                                new HashSet<>(activating), now).apply(events)))));
    }

    private static boolean isCommissionable(FillRecorded fill) {
        BigDecimal lots = fill.lotsEarningCommission();
        return lots != null && lots.signum() > 0;
    }

    /** A batch's state: what it has accrued so far, on top of what it read. */
    private final class Batch {

        private final Map<UUID, List<UUID>> chains;
        private final Map<UUID, Affiliate> beneficiaries;
        private final Map<UUID, List<Commission>> commissionsByFill = new HashMap<>();
        private final Set<UUID> activating;
        private final Instant now;
        private final List<Commission> newEntries = new ArrayList<>();
        private final List<AuditLog.Change> changes = new ArrayList<>();
        private final List<Runnable> counters = new ArrayList<>();

        Batch(Map<UUID, List<UUID>> chains, Map<UUID, Affiliate> beneficiaries, List<Commission> existing,
                Set<UUID> activating, Instant now) {
            this.chains = chains;
            this.beneficiaries = beneficiaries;
            this.activating = activating;
            this.now = now;
            existing.forEach(commission -> commissionsOf(commission.fillId).add(commission));
        }

        Uni<Void> apply(List<IntegrationEvent> events) {
            Uni<Void> work = Uni.createFrom().voidItem();
            for (IntegrationEvent event : events) {
                if (event instanceof FillRecorded fill) {
                    work = work.chain(() -> accrue(fill));
                } else if (event instanceof FillBusted bust) {
                    work = work.chain(() -> bust(bust));
                }
            }
            return work.chain(() -> commissions.insertAll(newEntries))
                    .chain(() -> audit.recordChanges(changes))
                    .invoke(() -> counters.forEach(Runnable::run));
        }

        private Uni<Void> accrue(FillRecorded fill) {
            if (!isCommissionable(fill)) {
                return Uni.createFrom().voidItem();
            }
            BigDecimal lots = fill.lotsEarningCommission();
            List<UUID> chain = chains.getOrDefault(fill.userId(), List.of());
            if (chain.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> activated = activating.remove(fill.userId()) ? activation.activate(fill)
                    : Uni.createFrom().voidItem();
            return activated.chain(() -> {
                Pricing pricing = feeSchedule.price(fill.instrument(), lots, fill.price());
                if (pricing instanceof Pricing.Unpriced unpriced) {
                    return recordUnpriced(fill, lots, unpriced.reason(), now);
                }
                if (commissionsOf(fill.fillId()).isEmpty()) {
                    accrue(fill, (Pricing.Priced) pricing, chain);
                }
                return Uni.createFrom().voidItem();
            });
        }

        private void accrue(FillRecorded fill, Pricing.Priced priced, List<UUID> chain) {
            List<Integer> activatedReferrals = chain.stream()
                    .map(referrerId -> beneficiaries.get(referrerId).activatedReferrals)
                    .toList();
            for (CommissionCalculator.LevelShare share : calculator.shares(priced.feeBase(), activatedReferrals)) {
                BigDecimal amount = share.amount();
                if (amount.signum() <= 0) {
                    continue;
                }
                Commission commission = new Commission();
                commission.id = UUID.randomUUID();
                commission.referrerId = chain.get(share.level() - 1);
                commission.referredUserId = fill.userId();
                commission.fillId = fill.fillId();
                commission.tradeId = fill.tradeId();
                commission.entryType = Commission.EntryType.COMMISSION;
                commission.level = share.level();
                commission.tier = share.tier().number();
                commission.rate = share.rate();
                commission.feeBase = CommissionCalculator.money(priced.feeBase());
                commission.instrument = priced.instrument().symbol();
                commission.lots = priced.lots();
                commission.basis = priced.entry().basis();
                commission.basisValue = priced.entry().value();
                commission.amount = amount;
                commission.currency = config.currency();
                commission.status = Commission.Status.ACCRUED;
                commission.createdAt = now;
                commission.availableAt = now.plus(config.holdingPeriod());
                beneficiaries.get(commission.referrerId).accrue(amount, now);
                commissionsOf(fill.fillId()).add(commission);
                newEntries.add(commission);
                changes.add(new AuditLog.Change(new CommissionAccrued(commission.id, commission.referrerId,
                                commission.referredUserId, commission.fillId, commission.level, commission.tier,
                                commission.rate, commission.amount, commission.currency, commission.availableAt, now),
                        "system", "commission.accrued", "affiliate:" + commission.referrerId,
                        Map.of("commission_id", commission.id.toString(), "fill_id", fill.fillId().toString(),
                                "level", commission.level, "tier", commission.tier,
                                "rate", commission.rate.toPlainString(), "amount", amount.toPlainString())));
                String level = Integer.toString(commission.level);
                counters.add(() -> registry.counter("affiliate.commissions.accrued", "level", level).increment());
            }
        }

        private Uni<Void> bust(FillBusted bust) {
            String reason = bust.reason() == null ? "" : bust.reason();
            for (Commission commission : commissionsOf(bust.fillId())) {
                Affiliate beneficiary = beneficiaries.get(commission.referrerId);
                String action;
                IntegrationEvent reversal;
                if (commission.status == Commission.Status.ACCRUED) {
                    commission.status = Commission.Status.REFUNDED;
                    beneficiary.refund(commission.amount, now);
                    action = "commission.refunded";
                    reversal = new CommissionRefunded(commission.id, commission.referrerId, commission.referredUserId,
                            commission.fillId, commission.level, commission.amount, commission.currency, reason, now);
                } else if (commission.status == Commission.Status.PAID) {
                    commission.status = Commission.Status.CLAWED_BACK;
                    beneficiary.clawBack(commission.amount, now);
                    Commission clawback = commission.clawbackEntry(now);
                    newEntries.add(clawback);
                    action = "commission.clawed-back";
                    reversal = new CommissionClawedBack(commission.id, clawback.id, commission.referrerId,
                            commission.referredUserId, commission.fillId, commission.level, commission.amount,
                            commission.currency, reason, now);
                } else {
                    continue;
                }
                commission.reversedAt = now;
                String recorded = action;
                changes.add(new AuditLog.Change(reversal, "system", recorded, "affiliate:" + commission.referrerId,
                        Map.of("commission_id", commission.id.toString(), "fill_id", bust.fillId().toString(),
                                "amount", commission.amount.toPlainString(), "reason", reason)));
                counters.add(() -> registry.counter("affiliate.commissions.reversed", "outcome", recorded).increment());
            }
            return unpricedFills.markBusted(bust.fillId(), now).replaceWithVoid();
        }

        private List<Commission> commissionsOf(UUID fillId) {
            return commissionsByFill.computeIfAbsent(fillId, id -> new ArrayList<>());
        }
    }

    /** Never a guessed amount, never a silent zero: the fill waits for an administrator. */
    private Uni<Void> recordUnpriced(FillRecorded fill, BigDecimal lots, UnpricedReason reason, Instant now) {
        UnpricedFill row = new UnpricedFill();
        row.fillId = fill.fillId();
        row.userId = fill.userId();
        row.tradeId = fill.tradeId();
        row.instrument = fill.instrument();
        row.lots = lots;
        row.price = fill.price();
        row.reason = reason.code();
        row.filledAt = fill.filledAt();
        row.recordedAt = now;
        return unpricedFills.insertIfAbsent(row).chain(isNew -> !isNew ? Uni.createFrom().voidItem()
                : audit.record("system", "fill.unpriced", "fill:" + fill.fillId(),
                                Map.of("user_id", fill.userId().toString(), "instrument", String.valueOf(fill.instrument()),
                                        "lots", lots.toPlainString(), "reason", reason.code()))
                        .invoke(() -> {
                            LOG.warnf("Fill %s of %s (%s lots) could not be priced (%s): no commission accrued",
                                    fill.fillId(), fill.instrument(), lots.toPlainString(), reason.code());
                            registry.counter("affiliate.fills.unpriced", "reason", reason.code()).increment();
                        }));
    }

    private static Map<UUID, Affiliate> byUserId(List<Affiliate> affiliates) {
        return affiliates.stream().collect(Collectors.toMap(affiliate -> affiliate.userId, Function.identity(),
                (first, second) -> first, LinkedHashMap::new));
    }
}
