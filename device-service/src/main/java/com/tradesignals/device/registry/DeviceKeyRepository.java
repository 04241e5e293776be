package com.tradesignals.device.registry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DeviceKeyRepository implements PanacheRepositoryBase<DeviceKey, DeviceKey.Id> {
}
