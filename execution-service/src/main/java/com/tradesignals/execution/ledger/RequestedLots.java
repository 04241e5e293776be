package com.tradesignals.execution.ledger;

import com.tradesignals.contracts.events.devices.DeviceSizing;
import com.tradesignals.platform.instruments.Instrument;
import com.tradesignals.platform.instruments.InstrumentCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/**
 * The lots a device is asked to trade of a signal: its settings' sizing of the signal's lots, on the instrument's lot
 * step, exactly as device-service sized the delivery (shared-contracts' {@link DeviceSizing}).
 */
@ApplicationScoped
public class RequestedLots {

    private final InstrumentCatalogue instruments;

    RequestedLots(InstrumentCatalogue instruments) {
        this.instruments = instruments;
    }

    public BigDecimal of(Signal signal, DeviceSizing sizing) {
        return sizing.lotsFor(signal.size(), instruments.find(signal.instrument()).map(Instrument::lotStep)
                .orElse(null));
    }
}
