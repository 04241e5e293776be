package com.tradesignals.affiliate.payout;

import com.tradesignals.affiliate.payoutmethod.PayoutMethodCipher;
import com.tradesignals.affiliate.payoutmethod.PayoutMethodDetails;
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
    static final PayoutResult NO_PAYOUT_METHOD = new PayoutResult.Failed(
            "no payout method: set one (PUT /api/v1/affiliates/payout-method) and request the payout again");

    private final PayoutService payouts;
    private final PayoutProvider provider;
    private final PayoutMethodCipher cipher;

    PayoutProcessor(PayoutService payouts, PayoutProvider provider, PayoutMethodCipher cipher) {
        this.payouts = payouts;
        this.provider = provider;
        this.cipher = cipher;
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
        return payouts.startDue().chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(payout -> send(payout)
                        .chain(result -> payouts.finish(payout.payoutId(), result).replaceWith(1))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf(failure, "Outcome of payout %s unknown; it is sent again later", payout.payoutId());
                            return 0;
                        }))
                .collect().asList()
                .map(outcomes -> outcomes.stream().mapToInt(Integer::intValue).sum()));
    }

    /**
     * The provider's answer for one payout. A payout from before payout methods has nowhere to go: it fails and
     * its funds return. A payout method that cannot be decrypted (a key missing from the configuration) is an
     * unknown outcome, so the payout waits, processing, until the key is back.
     */
    private Uni<PayoutResult> send(PayoutService.DuePayout payout) {
        if (payout.payoutMethod() == null) {
            return Uni.createFrom().item(NO_PAYOUT_METHOD);
        }
        return Uni.createFrom().item(() -> cipher.open(payout.userId(), payout.payoutMethod()))
                .chain((PayoutMethodDetails destination) -> provider.pay(new PayoutOrder(payout.payoutId(),
                        payout.userId(), payout.amount(), payout.currency(), destination)));
    }
}
