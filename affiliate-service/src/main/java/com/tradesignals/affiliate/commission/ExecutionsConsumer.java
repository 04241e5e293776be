package com.tradesignals.affiliate.commission;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.executions.ClosingFillRecorded;
import com.tradesignals.contracts.events.executions.FillBusted;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Fills accrue commissions, busts take them back; closing fills accrue too where the programme pays on both sides
 * ({@code affiliates.commission-sides}). Once per event id, in the effect's transaction.
 */
@ApplicationScoped
public class ExecutionsConsumer {

    private static final String CONSUMER = "executions";

    private final Inbox inbox;
    private final AccrualService accruals;
    private final boolean closesEarn;

    ExecutionsConsumer(Inbox inbox, AccrualService accruals, AffiliateConfig config) {
        this.inbox = inbox;
        this.accruals = accruals;
        this.closesEarn = config.commissionSides() == AffiliateConfig.CommissionSides.BOTH;
    }

    @Incoming(CONSUMER)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IntegrationEvent event) {
        if (event instanceof FillRecorded fill) {
            return accruals.accrue(fill);
        }
        if (event instanceof FillBusted bust) {
            return accruals.bust(bust);
        }
        if (event instanceof ClosingFillRecorded close && closesEarn) {
            return accruals.accrue(close.asFill());
        }
        return Uni.createFrom().voidItem();
    }
}
