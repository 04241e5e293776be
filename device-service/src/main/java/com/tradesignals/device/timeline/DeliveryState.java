package com.tradesignals.device.timeline;

import java.util.Locale;

/** Where a delivery stands; the timeline filters on it ({@code state=}). */
enum DeliveryState {
    WAITING, HANDED, ACKNOWLEDGED, EXPIRED, CANCELLED;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
