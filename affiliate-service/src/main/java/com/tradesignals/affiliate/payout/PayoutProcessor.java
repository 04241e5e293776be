package com.tradesignals.affiliate.payout;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The payout job: pending → processing → completed or failed. Safe with several replicas: each run locks
 * the payouts it takes with SKIP LOCKED, so no payout is sent by two replicas at once. The provider is called
 * outside any transaction; an unknown outcome leaves the payout processing, and it is sent again (same id)
 * once {@code affiliates.payouts.stale-after} has passed.
 */
@ApplicationScoped
public class PayoutProcessor {

    private static final Logger LOG = Logger.getLogger(PayoutProcessor.class);

    private final PayoutService payouts;
    private final PayoutProvider provider;

    PayoutProcessor(PayoutService payouts, PayoutProvider provider) {
        this.payouts = payouts;
        this.provider = provider;
    }

    @Scheduled(identity = "affiliate-payouts", every = "${affiliates.payouts.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRun() {
        return processDue().replaceWithVoid().onFailure().recoverWithUni(failure -> {
            LOG.warnf(failure, "Payout run failed; the next run takes over");
            return Uni.createFrom().voidItem();
        });
    }

    /** One run; answers how many payouts got a definite outcome. */
    public Uni<Integer> processDue() {
        return payouts.startDue().chain(orders -> Multi.createFrom().iterable(orders)
                .onItem().transformToUniAndConcatenate(order -> provider
                        .pay(order.payoutId(), order.userId(), order.amount(), order.currency())
                        .chain(result -> payouts.finish(order.payoutId(), result).replaceWith(1))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf(failure, "Outcome of payout %s unknown; it is sent again later", order.payoutId());
                            return 0;
                        }))
                .collect().asList()
                .map(outcomes -> outcomes.stream().mapToInt(Integer::intValue).sum()));
    }
}
