package com.tradesignals.device.settings;

import com.tradesignals.contracts.events.devices.DeviceSizing;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code device_settings}: how one device trades. {@code symbolMap} is a JSON object of platform symbol to
 * broker symbol, {@code allowedInstruments} a JSON array of platform symbols (null: every instrument); both are read
 * and written through {@link DeviceSettingsService}.
 */
@Entity
@Table(name = "device_settings")
public class DeviceSettings extends PanacheEntityBase {

    @Id
    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "is_paused", nullable = false)
    public boolean isPaused;

    @Column(name = "lot_multiplier")
    public BigDecimal lotMultiplier;

    @Column(name = "fixed_lots")
    public BigDecimal fixedLots;

    @Column(name = "max_lots")
    public BigDecimal maxLots;

    @Column(name = "symbol_map", nullable = false)
    public String symbolMap;

    @Column(name = "allowed_instruments")
    public String allowedInstruments;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static DeviceSettings defaults(UUID deviceId, UUID userId, Instant now) {
        DeviceSettings settings = new DeviceSettings();
        settings.deviceId = deviceId;
        settings.userId = userId;
        settings.symbolMap = "{}";
        settings.updatedAt = now;
        return settings;
    }

    public DeviceSizing sizing() {
        return new DeviceSizing(lotMultiplier, fixedLots, maxLots);
    }
}
