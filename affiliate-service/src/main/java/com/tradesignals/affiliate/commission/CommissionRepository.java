package com.tradesignals.affiliate.commission;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CommissionRepository implements PanacheRepositoryBase<Commission, UUID> {

    public Uni<List<Commission>> commissionsOfFill(UUID fillId) {
        return list("fillId = ?1 and entryType = ?2 order by level", fillId, Commission.EntryType.COMMISSION);
    }

    public Uni<List<UUID>> beneficiariesOfFill(UUID fillId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select distinct c.referrerId from Commission c where c.fillId = :fillId",
                        UUID.class)
                .setParameter("fillId", fillId)
                .getResultList());
    }

    /**
     * Accrued entries not yet available as of {@code maturedBy} (the affiliate's {@code maturedBy(now)}: now, or the
     * start of a suspension): the affiliate's held balance.
     */
    public Uni<BigDecimal> heldAmount(UUID referrerId, Instant maturedBy) {
        return getSession().chain(session -> session
                .createSelectionQuery("select coalesce(sum(c.amount), 0) from Commission c where c.referrerId = :referrer"
                        + " and c.status = :accrued and c.availableAt > :maturedBy", BigDecimal.class)
                .setParameter("referrer", referrerId)
                .setParameter("accrued", Commission.Status.ACCRUED)
                .setParameter("maturedBy", maturedBy)
                .getSingleResult());
    }

    /**
     * Completed payouts not yet attributed to ledger entries: paid, minus the commissions marked paid (or
     * paid and later clawed back), plus the clawback entries already netted (their amounts are negative).
     */
    public Uni<BigDecimal> unattributedPaid(UUID referrerId, BigDecimal paidTotal) {
        return getSession().chain(session -> session
                        .createSelectionQuery("select coalesce(sum(c.amount), 0) from Commission c"
                                + " where c.referrerId = :referrer and c.status in :settled", BigDecimal.class)
                        .setParameter("referrer", referrerId)
                        .setParameter("settled", List.of(Commission.Status.PAID, Commission.Status.CLAWED_BACK,
                                Commission.Status.SETTLED))
                        .getSingleResult())
                .map(paidTotal::subtract);
    }

    public Uni<List<Commission>> outstandingClawbacks(UUID referrerId) {
        return list("referrerId = ?1 and status = ?2 order by createdAt, id", referrerId, Commission.Status.OUTSTANDING);
    }

    /** Accrued entries available as of {@code maturedBy}, oldest first: what a completed payout may pay. */
    public Uni<List<Commission>> maturedUnpaid(UUID referrerId, Instant maturedBy) {
        return list("referrerId = ?1 and status = ?2 and availableAt <= ?3 order by availableAt, id",
                referrerId, Commission.Status.ACCRUED, maturedBy);
    }
}
