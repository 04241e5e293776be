package com.tradesignals.affiliate.administration;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.affiliate.AffiliateProblems;
import com.tradesignals.affiliate.commission.Commission;
import com.tradesignals.affiliate.commission.CommissionCalculator;
import com.tradesignals.affiliate.commission.CommissionRepository;
import com.tradesignals.affiliate.enrollment.AffiliateRepository;
import com.tradesignals.affiliate.ledger.HistoryEntry;
import com.tradesignals.contracts.events.affiliates.AdjustmentMade;
import com.tradesignals.platform.audit.AuditLog;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Manual adjustments of an affiliate's ledger: an {@code ADJUSTMENT} entry, signed. Positive is available at once
 * (and paid by the next payout like a commission); negative lowers the available balance, possibly below zero, until
 * a completed payout nets it, like a clawback entry. Either changes {@code earned} and the owed balance together, so
 * the balance identity holds; under the affiliate's row lock, as every balance change.
 */
@ApplicationScoped
public class AdjustmentService {

    private final AffiliateRepository affiliates;
    private final CommissionRepository entries;
    private final AuditLog audit;
    private final AffiliateConfig config;
    private final Clock clock;

    AdjustmentService(AffiliateRepository affiliates, CommissionRepository entries, AuditLog audit,
            AffiliateConfig config, Clock clock) {
        this.affiliates = affiliates;
        this.entries = entries;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** @param amount signed, non-zero, at most 8 decimals (checked by the request) */
    @WithTransaction
    public Uni<HistoryEntry> adjust(UUID adminId, UUID userId, BigDecimal amount, String reason) {
        Instant now = clock.instant();
        return affiliates.lockByUserId(userId).onItem().ifNull().failWith(AffiliateProblems::notAnAffiliate)
                .chain(affiliate -> {
                    Commission adjustment = Commission.adjustment(userId, CommissionCalculator.money(amount),
                            config.currency(), reason, now);
                    affiliate.adjust(adjustment.amount, now);
                    return entries.persist(adjustment)
                            .chain(() -> audit.recordChange(new AdjustmentMade(adjustment.id, userId,
                                            adjustment.amount, adjustment.currency, reason, adminId, now),
                                    "admin:" + adminId, "ledger.adjusted", "affiliate:" + userId,
                                    Map.of("entry_id", adjustment.id.toString(),
                                            "amount", adjustment.amount.toPlainString(), "reason", reason)))
                            .replaceWith(() -> HistoryEntry.of(adjustment, affiliate.maturedBy(now)));
                });
    }
}
