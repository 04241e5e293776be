package com.tradesignals.affiliate.activation;

import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Records every device registration, once per event id. */
@ApplicationScoped
public class DeviceLifecycleConsumer {

    private static final String CONSUMER = "devices-lifecycle";

    private final Inbox inbox;
    private final UserDeviceRepository userDevices;

    DeviceLifecycleConsumer(Inbox inbox, UserDeviceRepository userDevices) {
        this.inbox = inbox;
        this.userDevices = userDevices;
    }

    @Incoming(CONSUMER)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IntegrationEvent event) {
        if (!(event instanceof DeviceRegistered registered)) {
            return Uni.createFrom().voidItem();
        }
        UserDevice device = new UserDevice();
        device.deviceId = registered.deviceId();
        device.userId = registered.userId();
        device.registeredAt = registered.occurredAt();
        return userDevices.persist(device).replaceWithVoid();
    }
}
