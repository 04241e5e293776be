package com.tradesignals.device.signals;

import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.signals.SignalCancelled;
import com.tradesignals.contracts.events.signals.SignalCloseRequested;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.events.signals.SignalModified;
import com.tradesignals.device.registry.DeviceRepository;
import com.tradesignals.device.settings.DeliveryPlans;
import com.tradesignals.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns signals.v1 into deliveries, each event once: a signal into open deliveries, its modify, close and cancel
 * events into deliveries of those kinds to the devices that have the signal (docs/device-service.md). A signal is stored once per signal id; an expired one is
 * never delivered; one whose user has no active device waits for the first device the user registers before
 * the signal expires. Records come in batches (what one poll of the partition brought, in order) and a batch is
 * one transaction: under load the per-transaction cost is shared, while a lone record is handled at once.
 */
@ApplicationScoped
public class SignalConsumer {

    private static final String CONSUMER = "signals";
    private static final Logger LOG = Logger.getLogger(SignalConsumer.class);

    private final Inbox inbox;
    private final DeviceRepository devices;
    private final DeliveryRepository deliveries;
    private final DeliveryPlans plans;
    private final DeliveryStages stages;
    private final Clock clock;

    SignalConsumer(Inbox inbox, DeviceRepository devices, DeliveryRepository deliveries, DeliveryPlans plans,
            DeliveryStages stages, Clock clock) {
        this.inbox = inbox;
        this.devices = devices;
        this.deliveries = deliveries;
        this.plans = plans;
        this.stages = stages;
        this.clock = clock;
    }

    @Incoming(CONSUMER)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeAll(CONSUMER, batch.getRecords(), this::apply);
    }

    private Uni<Void> apply(List<IntegrationEvent> events) {
        List<IntegrationEvent> signalEvents = events.stream().filter(SignalConsumer::isSignalEvent).toList();
        if (signalEvents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // The users' locks order these fan-outs with registrations and unlinks: a device registered meanwhile
        // either gets the signal here or claims it as awaiting, never neither. The events of one user come from
        // one partition in order, so each action is applied after the signal it acts on.
        Uni<Void> applied = devices.lockUsers(signalEvents.stream().map(IntegrationEvent::userId).distinct().toList());
        for (IntegrationEvent event : signalEvents) {
            applied = applied.chain(() -> applyOne(event));
        }
        return applied;
    }

    private Uni<Void> applyOne(IntegrationEvent event) {
        Instant now = clock.instant();
        Uni<Long> delivered;
        UUID signalId;
        if (event instanceof SignalIssued signal) {
            signalId = signal.signalId();
            delivered = plans.targets(signal.userId(), signal.instrument(), signal.size())
                    .chain(targets -> deliveries.storeAndFanOut(signal, targets, now)).invoke(deviceCount -> {
                if (deviceCount > 0) {
                    stages.fannedOut(Duration.between(signal.issuedAt(), now));
                }
            });
        } else if (event instanceof SignalModified modified) {
            signalId = modified.signalId();
            delivered = deliveries.deliverAction(modified.userId(), signalId, DeliveryAction.modify(modified), now);
        } else if (event instanceof SignalCloseRequested request) {
            signalId = request.signalId();
            delivered = deliveries.deliverAction(request.userId(), signalId, DeliveryAction.close(request), now);
            if (request.lots() == null) {
                delivered = delivered.call(() -> deliveries.settle(request.userId(), request.signalId(), now));
            }
        } else {
            SignalCancelled cancelled = (SignalCancelled) event;
            signalId = cancelled.signalId();
            delivered = deliveries.cancel(cancelled.userId(), signalId, cancelled.cancelledAt(), now)
                    .call(() -> deliveries.settle(cancelled.userId(), cancelled.signalId(), now));
        }
        return delivered.invoke(deviceCount -> LOG.debugf("%s of signal %s delivered to %d devices",
                event.getClass().getSimpleName(), signalId, deviceCount)).replaceWithVoid();
    }

    private static boolean isSignalEvent(IntegrationEvent event) {
        return event instanceof SignalIssued || event instanceof SignalModified
                || event instanceof SignalCloseRequested || event instanceof SignalCancelled;
    }
}
