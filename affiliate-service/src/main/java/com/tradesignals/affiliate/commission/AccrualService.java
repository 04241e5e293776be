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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Accrues commissions from fills and takes them back when a fill is busted. Both run in the consumer's
 * transaction (see {@link ExecutionsConsumer}) with the beneficiaries' affiliate rows locked.
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
     * A fill was applied: its user is a trader from now on, a commissionable fill may activate their referral
     * (before the accrual, so the fill that qualifies a referral already counts it for the tier), and its
     * commissionable lots accrue one commission per level of the trader's referrer chain, each at the tier the
     * beneficiary's activated referrals give them now. A fill the fee schedule cannot price accrues nothing and is
     * recorded as unpriced. A fill already accrued (the same fill id in another event) changes nothing; the unique
     * key (fill, beneficiary, level) backs this up.
     */
    public Uni<Void> accrue(FillRecorded fill) {
        Instant now = clock.instant();
        BigDecimal lots = fill.lotsEarningCommission();
        boolean isCommissionable = lots != null && lots.signum() > 0;
        return activation.onFill(fill, isCommissionable, now).chain(activates -> !isCommissionable
                ? Uni.createFrom().voidItem()
                : referrals.referrerChain(fill.userId(), tiers.levels()).chain(chain -> chain.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : affiliates.lockAll(chain).chain(locked -> (activates
                                        ? activation.activate(fill)
                                        : Uni.createFrom().voidItem())
                                .chain(() -> price(fill, lots, chain, byUserId(locked), now)))));
    }

    private Uni<Void> price(FillRecorded fill, BigDecimal lots, List<UUID> chain, Map<UUID, Affiliate> beneficiaries,
            Instant now) {
        Pricing pricing = feeSchedule.price(fill.instrument(), lots, fill.price());
        if (pricing instanceof Pricing.Unpriced unpriced) {
            return recordUnpriced(fill, lots, unpriced.reason(), now);
        }
        return commissions.commissionsOfFill(fill.fillId()).chain(existing -> existing.isEmpty()
                ? accrue(fill, (Pricing.Priced) pricing, chain, beneficiaries, now)
                : Uni.createFrom().voidItem());
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

    private Uni<Void> accrue(FillRecorded fill, Pricing.Priced priced, List<UUID> chain,
            Map<UUID, Affiliate> beneficiaries, Instant now) {
        List<Integer> activatedReferrals = chain.stream()
                .map(referrerId -> beneficiaries.get(referrerId).activatedReferrals)
                .toList();
        Uni<Void> work = Uni.createFrom().voidItem();
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
            Affiliate beneficiary = beneficiaries.get(commission.referrerId);
            beneficiary.accrue(amount, now);
            work = work.chain(() -> commissions.persist(commission))
                    .chain(() -> audit.recordChange(new CommissionAccrued(commission.id, commission.referrerId,
                                    commission.referredUserId, commission.fillId, commission.level, commission.tier,
                                    commission.rate, commission.amount, commission.currency, commission.availableAt,
                                    now),
                            "system", "commission.accrued", "affiliate:" + commission.referrerId,
                            Map.of("commission_id", commission.id.toString(), "fill_id", fill.fillId().toString(),
                                    "level", commission.level, "tier", commission.tier,
                                    "rate", commission.rate.toPlainString(), "amount", amount.toPlainString())))
                    .invoke(() -> registry.counter("affiliate.commissions.accrued", "level",
                            Integer.toString(commission.level)).increment());
        }
        return work;
    }

    /**
     * Takes back what a busted fill earned: an unpaid commission is refunded, a paid one is clawed back with a
     * negative entry that the next payout nets. A second bust of the same fill finds nothing left to take. An
     * unpriced fill is marked busted: it no longer needs pricing.
     */
    public Uni<Void> bust(FillBusted bust) {
        Instant now = clock.instant();
        return unpricedFills.markBusted(bust.fillId(), now)
                .chain(() -> commissions.beneficiariesOfFill(bust.fillId()))
                .chain(beneficiaries -> beneficiaries.isEmpty()
                        ? Uni.createFrom().voidItem()
                        // Read after locking: a payout completing meanwhile may have marked some of them paid.
                        : affiliates.lockAll(beneficiaries).chain(locked -> commissions.commissionsOfFill(bust.fillId())
                                .chain(rows -> reverse(bust, rows, byUserId(locked), now))));
    }

    private Uni<Void> reverse(FillBusted bust, List<Commission> rows, Map<UUID, Affiliate> beneficiaries, Instant now) {
        String reason = bust.reason() == null ? "" : bust.reason();
        Uni<Void> work = Uni.createFrom().voidItem();
        for (Commission commission : rows) {
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
                action = "commission.clawed-back";
                reversal = new CommissionClawedBack(commission.id, clawback.id, commission.referrerId,
                        commission.referredUserId, commission.fillId, commission.level, commission.amount,
                        commission.currency, reason, now);
                work = work.chain(() -> commissions.persist(clawback)).replaceWithVoid();
            } else {
                continue;
            }
            commission.reversedAt = now;
            String recorded = action;
            work = work.chain(() -> audit.recordChange(reversal,
                            "system", recorded, "affiliate:" + commission.referrerId,
                            Map.of("commission_id", commission.id.toString(), "fill_id", bust.fillId().toString(),
                                    "amount", commission.amount.toPlainString(), "reason", reason)))
                    .invoke(() -> registry.counter("affiliate.commissions.reversed", "outcome", recorded).increment());
        }
        return work;
    }

    private static Map<UUID, Affiliate> byUserId(List<Affiliate> affiliates) {
        return affiliates.stream().collect(Collectors.toMap(affiliate -> affiliate.userId, Function.identity(),
                (first, second) -> first, LinkedHashMap::new));
    }
}
