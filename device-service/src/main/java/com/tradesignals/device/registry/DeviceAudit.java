package com.tradesignals.device.registry;

import com.tradesignals.contracts.events.IntegrationEvent;
import com.tradesignals.platform.audit.AuditLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * Audits a change a user made to one of their devices: the user is the actor ({@code user:<id>}), the device the
 * target ({@code device:<id>}). Call it inside the change's transaction, so both commit or neither.
 */
@ApplicationScoped
public class DeviceAudit {

    private final AuditLog audit;

    DeviceAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** Records the event the change causes and the change's audit entry. */
    public Uni<Void> recordChange(IntegrationEvent event, UUID userId, String action, UUID deviceId,
            Map<String, ?> details) {
        return audit.recordChange(event, "user:" + userId, action, "device:" + deviceId, details);
    }
}
