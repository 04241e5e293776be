package com.tradesignals.affiliate.activation;

import com.tradesignals.affiliate.referral.ReferralService;
import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Records every device registration, once per event id; a user's first device activates their referral. */
@ApplicationScoped
public class DeviceLifecycleConsumer {

    private static final String CONSUMER = "devices-lifecycle";

    private final Inbox inbox;
    private final UserDeviceRepository userDevices;
    private final ReferralService referrals;

    DeviceLifecycleConsumer(Inbox inbox, UserDeviceRepository userDevices, ReferralService referrals) {
        this.inbox = inbox;
        this.userDevices = userDevices;
        this.referrals = referrals;
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
        // Under the tree lock, so that a referral claimed at this very moment sees the device or is activated here.
        return referrals.lockTree()
                .chain(() -> userDevices.persist(device))
                .chain(() -> referrals.onDeviceRegistered(registered.userId()));
    }
}
