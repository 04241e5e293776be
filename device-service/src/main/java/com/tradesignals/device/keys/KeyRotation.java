package com.tradesignals.device.keys;

import com.tradesignals.device.registry.DeviceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rule of one rotation, applied to a device's key versions: the current version stays valid for the grace
 * period, any older version still in its grace ends at once (so at most two are ever live), and the next
 * version follows the current one.
 *
 * @param newVersion         the version to issue
 * @param previousVersion    the version that was current
 * @param previousValidUntil when the previous version stops working
 */
record KeyRotation(int newVersion, int previousVersion, Instant previousValidUntil) {

    /** @param newestFirst every key version of the device, newest first (at least one); their ends are updated */
    static KeyRotation apply(List<DeviceKey> newestFirst, Instant now, Duration grace) {
        DeviceKey current = newestFirst.get(0);
        for (DeviceKey older : newestFirst.subList(1, newestFirst.size())) {
            if (older.isLiveAt(now)) {
                older.validUntil = now;
            }
        }
        current.validUntil = now.plus(grace);
        return new KeyRotation(current.keyVersion + 1, current.keyVersion, current.validUntil);
    }
}
