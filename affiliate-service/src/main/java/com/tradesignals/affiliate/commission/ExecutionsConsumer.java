package com.tradesignals.affiliate.commission;

import com.tradesignals.affiliate.AffiliateConfig;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.executions.ClosingFillRecorded;
import com.tradesignals.contracts.events.executions.FillBusted;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Fills accrue commissions, busts take them back; closing fills accrue too where the programme pays on both sides
 * ({@code affiliates.commission-sides}). Once per event id, in the effect's transaction. Records come in batches
 * (what one poll of the partitions brought, in order) and a batch is one transaction (decision 0308): under load
 * the per-transaction cost and the beneficiaries' row locks are shared, while a lone record is handled at once.
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
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeAll(CONSUMER, batch.getRecords(), this::apply);
    }

    private Uni<Void> apply(List<IntegrationEvent> events) {
        List<IntegrationEvent> effective = new ArrayList<>(events.size());
        for (IntegrationEvent event : events) {
            if (event instanceof FillRecorded || event instanceof FillBusted) {
                effective.add(event);
            } else if (event instanceof ClosingFillRecorded close && closesEarn) {
                effective.add(close.asFill());
            }
        }
        return effective.isEmpty() ? Uni.createFrom().voidItem() : accruals.applyAll(effective);
    }
}
