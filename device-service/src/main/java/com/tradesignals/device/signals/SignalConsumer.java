package com.tradesignals.device.signals;

import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.device.registry.DeviceRepository;
import com.tradesignals.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns signals.v1 into deliveries, each event once. A signal is stored once per signal id; an expired one is
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
    private final Clock clock;

    SignalConsumer(Inbox inbox, DeviceRepository devices, DeliveryRepository deliveries, Clock clock) {
        this.inbox = inbox;
        this.devices = devices;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Incoming(CONSUMER)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeAll(CONSUMER, batch.getRecords(), this::apply);
    }

    private Uni<Void> apply(List<IntegrationEvent> events) {
        List<SignalIssued> signals = events.stream().filter(SignalIssued.class::isInstance)
                .map(SignalIssued.class::cast).toList();
        if (signals.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // The users' locks order these fan-outs with registrations and unlinks: a device registered meanwhile
        // either gets the signal here or claims it as awaiting, never neither.
        Uni<Void> fannedOut = devices.lockUsers(signals.stream().map(SignalIssued::userId).toList());
        for (SignalIssued signal : signals) {
            fannedOut = fannedOut.chain(() -> deliveries.storeAndFanOut(signal, clock.instant())
                    .invoke(deviceCount -> LOG.debugf("Signal %s delivered to %d devices", signal.signalId(), deviceCount))
                    .replaceWithVoid());
        }
        return fannedOut;
    }
}
