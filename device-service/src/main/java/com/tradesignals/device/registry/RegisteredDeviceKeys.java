package com.tradesignals.device.registry;

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

/** Device keys as this service's registry holds them: the authority on every device and key version. */
@ApplicationScoped
public class RegisteredDeviceKeys implements DeviceKeyDirectory {

    private final Pool database;

    RegisteredDeviceKeys(Pool database) {
        this.database = database;
    }

    @Override
    public Uni<DeviceKeyStatus> find(DeviceKeyId keyId, Instant now) {
        return database.preparedQuery("select d.user_id, d.is_active, k.valid_until from devices d "
                        + "join device_keys k on k.device_id = d.id where d.id = $1 and k.key_version = $2")
                .execute(Tuple.of(keyId.deviceId(), keyId.keyVersion()))
                .map(rows -> {
                    Iterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        return null;
                    }
                    Row row = found.next();
                    OffsetDateTime validUntil = row.getOffsetDateTime("valid_until");
                    boolean isKeyLive = validUntil == null || now.isBefore(validUntil.toInstant());
                    return new DeviceKeyStatus(keyId.deviceId(), row.getUUID("user_id"),
                            row.getBoolean("is_active") && isKeyLive, validUntil == null ? null : validUntil.toInstant());
                });
    }
}
