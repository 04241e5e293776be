package com.tradesignals.affiliate.commission;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

@ApplicationScoped
public class CommissionRepository implements PanacheRepositoryBase<Commission, UUID> {

    /** The commission entries of these fills, each fill's in level order. */
    public Uni<List<Commission>> commissionsOfFills(Collection<UUID> fillIds) {
        return list("fillId in ?1 and entryType = ?2 order by fillId, level", fillIds, Commission.EntryType.COMMISSION);
    }

    public Uni<List<UUID>> beneficiariesOfFills(Collection<UUID> fillIds) {
        return getSession().chain(session -> session
                .createSelectionQuery("select distinct c.referrerId from Commission c where c.fillId in :fillIds",
                        UUID.class)
                .setParameter("fillIds", fillIds)
                .getResultList());
    }

    /**
     * Inserts new fill entries (commissions, clawbacks) with one statement, in the list's order (the database numbers
     * them, {@code accrual_order}). Outside the session: the caller has finished changing them. The unique key (fill,
     * beneficiary, level, entry type) rejects a second one.
     */
    public Uni<Void> insertAll(List<Commission> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String values = IntStream.range(0, entries.size()).mapToObj(index -> String.format("(:id%1$d, :referrerId%1$d, "
                        + ":referredUserId%1$d, :fillId%1$d, :tradeId%1$d, :entryType%1$d, :level%1$d, :tier%1$d, "
                        + ":rate%1$d, :feeBase%1$d, :instrument%1$d, :lots%1$d, :basis%1$d, :basisValue%1$d, "
                        + ":amount%1$d, :currency%1$d, :status%1$d, :createdAt%1$d, :availableAt%1$d, "
                        + "cast(:reversedAt%1$d as timestamptz))", index))
                .collect(Collectors.joining(", "));
        return getSession().chain(session -> {
            var insert = session.createNativeQuery("insert into commissions (id, referrer_id, referred_user_id, "
                    + "fill_id, trade_id, entry_type, level, tier, rate, fee_base, instrument, lots, basis, basis_value, "
                    + "amount, currency, status, created_at, available_at, reversed_at) values " + values);
            for (int index = 0; index < entries.size(); index++) {
                Commission entry = entries.get(index);
                insert.setParameter("id" + index, entry.id)
                        .setParameter("referrerId" + index, entry.referrerId)
                        .setParameter("referredUserId" + index, entry.referredUserId)
                        .setParameter("fillId" + index, entry.fillId)
                        .setParameter("tradeId" + index, entry.tradeId)
                        .setParameter("entryType" + index, entry.entryType.name())
                        .setParameter("level" + index, entry.level)
                        .setParameter("tier" + index, entry.tier)
                        .setParameter("rate" + index, entry.rate)
                        .setParameter("feeBase" + index, entry.feeBase)
                        .setParameter("instrument" + index, entry.instrument)
                        .setParameter("lots" + index, entry.lots)
                        .setParameter("basis" + index, entry.basis.name())
                        .setParameter("basisValue" + index, entry.basisValue)
                        .setParameter("amount" + index, entry.amount)
                        .setParameter("currency" + index, entry.currency)
                        .setParameter("status" + index, entry.status.name())
                        .setParameter("createdAt" + index, entry.createdAt)
                        .setParameter("availableAt" + index, entry.availableAt)
                        .setParameter("reversedAt" + index, entry.reversedAt);
            }
            return insert.executeUpdate();
        }).replaceWithVoid();
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
        return list("referrerId = ?1 and status = ?2 and availableAt <= ?3 order by availableAt, accrualOrder",
                referrerId, Commission.Status.ACCRUED, maturedBy);
    }
}
