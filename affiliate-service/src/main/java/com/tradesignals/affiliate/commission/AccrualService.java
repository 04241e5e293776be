package com.tradesignals.affiliate.commission;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.affiliate.enrollment.Affiliate;
import com.tradesignals.affiliate.enrollment.AffiliateRepository;
import com.tradesignals.affiliate.referral.ReferralRepository;
import com.tradesignals.contracts.events.affiliates.CommissionAccrued;
import com.tradesignals.contracts.events.executions.FillBusted;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.platform.audit.AuditLog;
import com.tradesignals.platform.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
    private final CommissionCalculator calculator;
    private final TierTable tiers;
    private final Outbox outbox;
    private final AuditLog audit;
    private final AffiliateConfig config;
    private final Clock clock;
    private final MeterRegistry registry;

    AccrualService(ReferralRepository referrals, AffiliateRepository affiliates, CommissionRepository commissions,
            CommissionCalculator calculator, TierTable tiers, Outbox outbox, AuditLog audit, AffiliateConfig config,
            Clock clock, MeterRegistry registry) {
        this.referrals = referrals;
        this.affiliates = affiliates;
        this.commissions = commissions;
        this.calculator = calculator;
        this.tiers = tiers;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Accrues one commission per level of the trader's referrer chain. Each beneficiary's tier is the one
     * their activated referrals give them now. A fill already accrued (the same fill id in another event)
     * changes nothing; the unique key (fill, beneficiary, level) backs this up.
     */
    public Uni<Void> accrue(FillRecorded fill) {
        if (fill.notional() == null || fill.notional().signum() == 0) {
            LOG.warnf("Fill %s has no notional; no commission", fill.fillId());
            return Uni.createFrom().voidItem();
        }
        return referrals.referrerChain(fill.userId(), tiers.levels()).chain(chain -> chain.isEmpty()
                ? Uni.createFrom().voidItem()
                : affiliates.lockAll(chain)
                        .chain(locked -> commissions.commissionsOfFill(fill.fillId()).chain(existing -> existing.isEmpty()
                                ? accrue(fill, chain, byUserId(locked))
                                : Uni.createFrom().voidItem())));
    }

    private Uni<Void> accrue(FillRecorded fill, List<UUID> chain, Map<UUID, Affiliate> beneficiaries) {
        Instant now = clock.instant();
        BigDecimal feeBase = calculator.feeBase(fill.notional());
        List<TierTable.Tier> tierOfLevel = new ArrayList<>();
        List<BigDecimal> rates = new ArrayList<>();
        for (int level = 1; level <= chain.size(); level++) {
            TierTable.Tier tier = tiers.tierFor(beneficiaries.get(chain.get(level - 1)).activatedReferrals);
            tierOfLevel.add(tier);
            rates.add(tier.rate(level));
        }
        List<BigDecimal> amounts = calculator.amounts(feeBase, rates);
        Uni<Void> work = Uni.createFrom().voidItem();
        for (int level = 1; level <= chain.size(); level++) {
            BigDecimal amount = amounts.get(level - 1);
            if (amount.signum() <= 0) {
                continue;
            }
            Commission commission = new Commission();
            commission.id = UUID.randomUUID();
            commission.referrerId = chain.get(level - 1);
            commission.referredUserId = fill.userId();
            commission.fillId = fill.fillId();
            commission.tradeId = fill.tradeId();
            commission.entryType = Commission.EntryType.COMMISSION;
            commission.level = level;
            commission.tier = tierOfLevel.get(level - 1).number();
            commission.rate = rates.get(level - 1);
            commission.feeBase = CommissionCalculator.money(feeBase);
            commission.amount = amount;
            commission.currency = config.currency();
            commission.status = Commission.Status.ACCRUED;
            commission.createdAt = now;
            commission.availableAt = now.plus(config.holdingPeriod());
            Affiliate beneficiary = beneficiaries.get(commission.referrerId);
            beneficiary.accrue(amount, now);
            work = work.chain(() -> commissions.persist(commission))
                    .chain(() -> outbox.add(new CommissionAccrued(commission.id, commission.referrerId,
                            commission.referredUserId, commission.fillId, commission.level, commission.tier,
                            commission.rate, commission.amount, commission.currency, commission.availableAt, now)))
                    .chain(() -> audit.record("system", "commission.accrued", "affiliate:" + commission.referrerId,
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
     * negative entry that the next payout nets. A second bust of the same fill finds nothing left to take.
     */
    public Uni<Void> bust(FillBusted bust) {
        return commissions.beneficiariesOfFill(bust.fillId()).chain(beneficiaries -> beneficiaries.isEmpty()
                ? Uni.createFrom().voidItem()
                // Read after locking: a payout completing meanwhile may have marked some of them paid.
                : affiliates.lockAll(beneficiaries).chain(locked -> commissions.commissionsOfFill(bust.fillId())
                        .chain(rows -> reverse(bust, rows, byUserId(locked)))));
    }

    private Uni<Void> reverse(FillBusted bust, List<Commission> rows, Map<UUID, Affiliate> beneficiaries) {
        Instant now = clock.instant();
        Uni<Void> work = Uni.createFrom().voidItem();
        for (Commission commission : rows) {
            Affiliate beneficiary = beneficiaries.get(commission.referrerId);
            String action;
            if (commission.status == Commission.Status.ACCRUED) {
                commission.status = Commission.Status.REFUNDED;
                beneficiary.refund(commission.amount, now);
                action = "commission.refunded";
            } else if (commission.status == Commission.Status.PAID) {
                commission.status = Commission.Status.CLAWED_BACK;
                beneficiary.clawBack(commission.amount, now);
                Commission clawback = commission.clawbackEntry(now);
                work = work.chain(() -> commissions.persist(clawback)).replaceWithVoid();
                action = "commission.clawed-back";
            } else {
                continue;
            }
            commission.reversedAt = now;
            String recorded = action;
            work = work.chain(() -> audit.record("system", recorded, "affiliate:" + commission.referrerId,
                            Map.of("commission_id", commission.id.toString(), "fill_id", bust.fillId().toString(),
                                    "amount", commission.amount.toPlainString(),
                                    "reason", bust.reason() == null ? "" : bust.reason())))
                    .invoke(() -> registry.counter("affiliate.commissions.reversed", "outcome", recorded).increment());
        }
        return work;
    }

    private static Map<UUID, Affiliate> byUserId(List<Affiliate> affiliates) {
        return affiliates.stream().collect(Collectors.toMap(affiliate -> affiliate.userId, Function.identity(),
                (first, second) -> first, LinkedHashMap::new));
    }
}
