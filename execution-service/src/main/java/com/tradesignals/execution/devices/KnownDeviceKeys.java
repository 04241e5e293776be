package com.tradesignals.execution.devices;

import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.platform.deviceauth.DeviceKeyDirectory;
import com.tradesignals.platform.deviceauth.DeviceKeyStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;

/**
 * Device keys as devices.lifecycle.v1 described them ({@link KnownDevice}): signatures verify here while
 * device-service is down, and a device is refused as soon as its DeviceRevoked event has been consumed.
 * A key is usable when the device is active and the key is its current version, or its previous version
 * within the rotation grace period.
 */
@ApplicationScoped
public class KnownDeviceKeys implements DeviceKeyDirectory {

    private final Pool database;

    KnownDeviceKeys(Pool database) {
        this.database = database;
    }

    @Override
    public Uni<DeviceKeyStatus> find(DeviceKeyId keyId, Instant now) {
        return database.preparedQuery("select user_id, is_active, key_version, previous_key_version, "
                        + "previous_key_valid_until from known_devices where device_id = $1")
                .execute(Tuple.of(keyId.deviceId()))
                .map(rows -> {
                    Iterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        return null;
                    }
                    Row row = found.next();
                    OffsetDateTime previousValidUntil = row.getOffsetDateTime("previous_key_valid_until");
                    boolean isPrevious = row.getInteger("key_version") != keyId.keyVersion();
                    return new DeviceKeyStatus(keyId.deviceId(), row.getUUID("user_id"),
                            row.getBoolean("is_active") && isLive(row, keyId.keyVersion(), now),
                            isPrevious && previousValidUntil != null ? previousValidUntil.toInstant() : null);
                });
    }

    private static boolean isLive(Row row, int keyVersion, Instant now) {
        if (row.getInteger("key_version") == keyVersion) {
            return true;
        }
        Integer previousVersion = row.getInteger("previous_key_version");
        OffsetDateTime previousValidUntil = row.getOffsetDateTime("previous_key_valid_until");
        return previousVersion != null && previousVersion == keyVersion && previousValidUntil != null
                && now.isBefore(previousValidUntil.toInstant());
    }
}
