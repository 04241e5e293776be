package com.tradesignals.device.settings;

import com.tradesignals.contracts.events.devices.DeviceSizing;
import com.tradesignals.platform.instruments.Instrument;
import com.tradesignals.platform.instruments.InstrumentCatalogue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which of a user's active devices take a new signal, and what each is asked to trade: a paused device and one whose
 * allow-list leaves the instrument out take nothing; the others get the broker's symbol for it and their own lots
 * ({@link DeviceSizing}, rounded to the instrument's lot step from the catalogue). Read in the fan-out's transaction,
 * under the user's lock.
 */
@ApplicationScoped
public class DeliveryPlans {

    /** One device's delivery of a signal: its symbol at its broker and its lots. */
    public record Target(UUID deviceId, String symbol, BigDecimal lots) {
    }

    private final DeviceSettingsService settings;
    private final InstrumentCatalogue instruments;

    DeliveryPlans(DeviceSettingsService settings, InstrumentCatalogue instruments) {
        this.settings = settings;
        this.instruments = instruments;
    }

    public Uni<List<Target>> targets(UUID userId, String instrument, BigDecimal signalLots) {
        BigDecimal lotStep = instruments.find(instrument).map(Instrument::lotStep).orElse(null);
        Uni<List<UUID>> active = Panache.getSession().chain(session -> session.createNativeQuery(
                        "select id from devices where user_id = :userId and is_active order by id", UUID.class)
                .setParameter("userId", userId).getResultList());
        return active.chain(deviceIds -> deviceIds.isEmpty() ? Uni.createFrom().item(List.<Target>of())
                : DeviceSettings.<DeviceSettings>list("userId", userId).map(all -> {
                    Map<UUID, DeviceSettings> byDevice = all.stream()
                            .collect(Collectors.toMap(each -> each.deviceId, Function.identity()));
                    List<Target> targets = new ArrayList<>(deviceIds.size());
                    for (UUID deviceId : deviceIds) {
                        DeviceSettings own = byDevice.get(deviceId);
                        if (own == null) {
                            targets.add(new Target(deviceId, instrument,
                                    DeviceSizing.AS_SIGNAL.lotsFor(signalLots, lotStep)));
                        } else if (takes(own, instrument)) {
                            targets.add(new Target(deviceId, settings.symbolMap(own).getOrDefault(instrument,
                                    instrument), own.sizing().lotsFor(signalLots, lotStep)));
                        }
                    }
                    return targets;
                }));
    }

    private boolean takes(DeviceSettings own, String instrument) {
        List<String> allowed = settings.allowedInstruments(own);
        return !own.isPaused && (allowed == null || allowed.contains(instrument));
    }
}
