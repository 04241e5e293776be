package com.tradesignals.execution.devices;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class KnownDeviceRepository implements PanacheRepositoryBase<KnownDevice, UUID> {
}
