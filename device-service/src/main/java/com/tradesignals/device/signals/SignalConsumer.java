package com.tradesignals.device.signals;

import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.device.registry.DeviceRepository;
import com.tradesignals.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Turns signals.v1 into deliveries, each event once. A signal is stored once per signal id; an expired one is
 * never delivered; one whose user has no active device waits for the first device the user registers before
 * the signal expires.
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
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IntegrationEvent event) {
        if (!(event instanceof SignalIssued issued)) {
            return Uni.createFrom().voidItem();
        }
        // The user's lock orders this fan-out with registrations and unlinks: a device registered meanwhile
        // either gets the signal here or claims it as awaiting, never neither.
        return devices.lockUser(issued.userId())
                .chain(() -> deliveries.storeAndFanOut(issued, clock.instant()))
                .invoke(deviceCount -> LOG.debugf("Signal %s delivered to %d devices", issued.signalId(), deviceCount))
                .replaceWithVoid();
    }
}
