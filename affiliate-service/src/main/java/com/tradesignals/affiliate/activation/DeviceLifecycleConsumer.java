package com.tradesignals.affiliate.activation;

import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.contracts.events.devices.DeviceRevoked;
import com.tradesignals.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Records device registrations and unlinks, once per event id, for referral activation by device. */
@ApplicationScoped
public class DeviceLifecycleConsumer {

    private static final String CONSUMER = "devices-lifecycle";

    private final Inbox inbox;
    private final ActivationService activation;

    DeviceLifecycleConsumer(Inbox inbox, ActivationService activation) {
        this.inbox = inbox;
        this.activation = activation;
    }

    @Incoming(CONSUMER)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IntegrationEvent event) {
        if (event instanceof DeviceRegistered registered) {
            return activation.onDeviceRegistered(registered);
        }
        if (event instanceof DeviceRevoked revoked) {
            return activation.onDeviceRevoked(revoked);
        }
        return Uni.createFrom().voidItem();
    }
}
