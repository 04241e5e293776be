package com.tradesignals.platform.deviceauth;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** Forgets nonces whose request could no longer pass the timestamp check anyway. */
@ApplicationScoped
public class NoncePurge {

    private final Pool database;

    NoncePurge(Pool database) {
        this.database = database;
    }

    @Scheduled(every = "${device-auth.nonce-purge-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        return database.query("delete from device_request_nonces where expires_at < now()").execute().replaceWithVoid();
    }
}
