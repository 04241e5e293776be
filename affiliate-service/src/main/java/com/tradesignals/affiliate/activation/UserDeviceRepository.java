package com.tradesignals.affiliate.activation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class UserDeviceRepository implements PanacheRepositoryBase<UserDevice, UUID> {
}
