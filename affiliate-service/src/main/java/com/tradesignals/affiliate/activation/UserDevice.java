package com.tradesignals.affiliate.activation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A device some user registered: what referral activation looks at. */
@Entity
@Table(name = "user_devices")
public class UserDevice {

    @Id
    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "registered_at", nullable = false, updatable = false)
    public Instant registeredAt;
}
