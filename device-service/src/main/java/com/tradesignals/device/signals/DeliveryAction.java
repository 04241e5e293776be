package com.tradesignals.device.signals;

import com.tradesignals.contracts.events.signals.SignalCloseRequested;
import com.tradesignals.contracts.events.signals.SignalModified;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** What an action delivery carries beside its signal: its kind and payload, as stored on the delivery. */
record DeliveryAction(Kind kind, BigDecimal newStopLoss, BigDecimal newTakeProfit, BigDecimal newPrice,
        BigDecimal closeLots, Instant actedAt) {

    enum Kind {
        MODIFY, CANCEL, CLOSE;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static DeliveryAction modify(SignalModified modified) {
        return new DeliveryAction(Kind.MODIFY, modified.stopLoss(), modified.takeProfit(), modified.price(), null,
                modified.modifiedAt());
    }

    static DeliveryAction close(SignalCloseRequested request) {
        return new DeliveryAction(Kind.CLOSE, null, null, null, request.lots(), request.requestedAt());
    }

    static DeliveryAction cancel(Instant cancelledAt) {
        return new DeliveryAction(Kind.CANCEL, null, null, null, null, cancelledAt);
    }
}
