package com.tradesignals.platform.messaging;

import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.devices.DeviceRenamed;
import com.tradesignals.platform.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Records every device rename it consumes, through the inbox, as a service's consumer would. */
@ApplicationScoped
public class RenamedDevicesConsumer {

    static final String CONSUMER = "renamed-devices";

    private final Inbox inbox;

    RenamedDevicesConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(CONSUMER)
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(IntegrationEvent event) {
        if (!(event instanceof DeviceRenamed renamed)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into renamed_devices (device_id, name) values (?1, ?2)")
                .setParameter(1, renamed.deviceId()).setParameter(2, renamed.name()).executeUpdate())
                .replaceWithVoid();
    }
}
