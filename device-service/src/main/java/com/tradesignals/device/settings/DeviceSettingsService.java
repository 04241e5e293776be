package com.tradesignals.device.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.devices.DeviceSettingsChanged;
import com.tradesignals.device.registry.DeviceAudit;
import com.tradesignals.device.registry.DeviceRepository;
import com.tradesignals.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads and changes how a device trades. A change is written with its event ({@code device.settings-changed.v1}, so
 * that execution-service knows the lots each device is asked to trade) and its audit entry, in one transaction; it
 * applies to signals fanned out after it commits.
 */
@ApplicationScoped
public class DeviceSettingsService {

    private static final TypeReference<Map<String, String>> SYMBOL_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> SYMBOLS = new TypeReference<>() {
    };

    private final DeviceRepository devices;
    private final DeviceAudit audit;
    private final ObjectMapper json;
    private final Clock clock;

    DeviceSettingsService(DeviceRepository devices, DeviceAudit audit, ObjectMapper json, Clock clock) {
        this.devices = devices;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @WithSession
    public Uni<DeviceSettingsView> get(UUID userId, UUID deviceId) {
        return devices.findOwned(userId, deviceId)
                .chain(device -> DeviceSettings.<DeviceSettings>findById(deviceId)
                        .map(found -> view(found != null ? found : DeviceSettings.defaults(deviceId, userId, null))));
    }

    @WithTransaction
    public Uni<DeviceSettingsView> update(UUID userId, UUID deviceId, UpdateDeviceSettingsRequest request) {
        if (request.sizing() != null && request.sizing().lotMultiplier() != null
                && request.sizing().fixedLots() != null) {
            throw ProblemException.badRequest("validation", "Invalid request",
                    "sizing: lot_multiplier and fixed_lots cannot both be set");
        }
        Instant now = clock.instant();
        return devices.lockOwned(userId, deviceId).chain(device -> {
            device.requireActive();
            return DeviceSettings.<DeviceSettings>findById(deviceId).chain(found -> {
                DeviceSettings settings = found != null ? found : DeviceSettings.defaults(deviceId, userId, now);
                apply(settings, request, now);
                return settings.<DeviceSettings>persist()
                        .chain(() -> audit.recordChange(new DeviceSettingsChanged(deviceId, userId, settings.isPaused,
                                        settings.lotMultiplier, settings.fixedLots, settings.maxLots,
                                        allowedInstruments(settings), now), userId,
                                "device.settings-changed", deviceId, details(settings)))
                        .replaceWith(() -> view(settings));
            });
        });
    }

    /** The platform symbol → broker symbol map stored for {@code settings}. */
    public Map<String, String> symbolMap(DeviceSettings settings) {
        return read(settings.symbolMap, SYMBOL_MAP);
    }

    /** The platform symbols {@code settings} allows; null: every one. */
    public List<String> allowedInstruments(DeviceSettings settings) {
        return settings.allowedInstruments == null ? null : read(settings.allowedInstruments, SYMBOLS);
    }

    private void apply(DeviceSettings settings, UpdateDeviceSettingsRequest request, Instant now) {
        if (request.isPaused() != null) {
            settings.isPaused = request.isPaused();
        }
        if (request.symbolMap() != null) {
            settings.symbolMap = write(new TreeMap<>(request.symbolMap()));
        }
        if (request.sizing() != null) {
            settings.lotMultiplier = request.sizing().lotMultiplier();
            settings.fixedLots = request.sizing().fixedLots();
            settings.maxLots = request.sizing().maxLots();
        }
        if (request.allowedInstruments() != null) {
            settings.allowedInstruments = request.allowedInstruments().isEmpty() ? null
                    : write(request.allowedInstruments().stream().distinct().sorted().toList());
        }
        settings.updatedAt = now;
    }

    private DeviceSettingsView view(DeviceSettings settings) {
        return new DeviceSettingsView(settings.deviceId, settings.isPaused, symbolMap(settings),
                new DeviceSettingsView.Sizing(settings.lotMultiplier, settings.fixedLots, settings.maxLots),
                allowedInstruments(settings), settings.updatedAt);
    }

    private Map<String, Object> details(DeviceSettings settings) {
        Map<String, Object> details = new HashMap<>();
        details.put("is_paused", settings.isPaused);
        details.put("lot_multiplier", plain(settings.lotMultiplier));
        details.put("fixed_lots", plain(settings.fixedLots));
        details.put("max_lots", plain(settings.maxLots));
        details.put("symbol_map", symbolMap(settings));
        details.put("allowed_instruments", allowedInstruments(settings));
        return details;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings are always serialisable", e);
        }
    }

    private <T> T read(String stored, TypeReference<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored settings are always readable", e);
        }
    }
}
