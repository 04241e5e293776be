package com.tradesignals.platform.deviceauth;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The nonces of signed requests, each accepted once per key across every replica sharing the database
 * ({@code device_request_nonces}, whose primary key decides). Requests that arrive while an insert is on its way
 * wait for it and then go together in the next one: one statement for many requests under load, none of the wait
 * when idle (decision 0016).
 */
@ApplicationScoped
class NonceLedger {

    private static final String INSERT = "insert into device_request_nonces (kid, nonce, expires_at) "
            + "select * from unnest($1::text[], $2::text[], $3::timestamptz[]) on conflict do nothing "
            + "returning kid, nonce";

    private record Pending(String kid, String nonce, OffsetDateTime expiresAt, Context context,
            UniEmitter<? super Boolean> emitter) {

        String key() {
            return kid + ' ' + nonce;
        }

        void answer(boolean isFirstUse) {
            if (context == null) {
                emitter.complete(isFirstUse);
            } else {
                context.runOnContext(ignored -> emitter.complete(isFirstUse));
            }
        }

        void fail(Throwable failure) {
            if (context == null) {
                emitter.fail(failure);
            } else {
                context.runOnContext(ignored -> emitter.fail(failure));
            }
        }
    }

    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean isInserting = new AtomicBoolean();
    private final Pool database;
    private final DeviceAuthConfig config;

    NonceLedger(Pool database, DeviceAuthConfig config) {
        this.database = database;
        this.config = config;
    }

    /** True when the nonce is new for the key (and is now taken), false when it was used before. */
    Uni<Boolean> acceptOnce(String kid, String nonce, OffsetDateTime expiresAt) {
        return Uni.createFrom().emitter(emitter -> {
            waiting.add(new Pending(kid, nonce, expiresAt, Vertx.currentContext(), emitter));
            insertWaiting();
        });
    }

    /** Whoever adds a nonce, or finishes an insert, tries: the one that takes the flag inserts what waits. */
    private void insertWaiting() {
        while (!waiting.isEmpty() && isInserting.compareAndSet(false, true)) {
            List<Pending> batch = new ArrayList<>();
            List<Pending> repeated = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            Pending next;
            while (batch.size() < config.nonceBatchMaxSize() && (next = waiting.poll()) != null) {
                // The same nonce twice in one statement would be inserted once and reported once: the later is a replay.
                (keys.add(next.key()) ? batch : repeated).add(next);
            }
            repeated.forEach(pending -> pending.answer(false));
            if (batch.isEmpty()) {
                isInserting.set(false);
                continue;
            }
            insert(batch);
            return;
        }
    }

    private void insert(List<Pending> batch) {
        Tuple arrays = Tuple.of(batch.stream().map(Pending::kid).toArray(String[]::new),
                batch.stream().map(Pending::nonce).toArray(String[]::new),
                batch.stream().map(Pending::expiresAt).toArray(OffsetDateTime[]::new));
        Uni<RowSet<Row>> inserted;
        try {
            inserted = database.preparedQuery(INSERT).execute(arrays);
        } catch (RuntimeException failure) {
            inserted = Uni.createFrom().failure(failure);
        }
        inserted.subscribe().with(rows -> {
            Set<String> taken = new HashSet<>();
            rows.forEach(row -> taken.add(row.getString("kid") + ' ' + row.getString("nonce")));
            isInserting.set(false);
            batch.forEach(pending -> pending.answer(taken.contains(pending.key())));
            insertWaiting();
        }, failure -> {
            isInserting.set(false);
            batch.forEach(pending -> pending.fail(failure));
            insertWaiting();
        });
    }
}
