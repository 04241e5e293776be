package com.tradesignals.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void theFamilyOfUnreachableDatabaseFailuresIsRecognisedHoweverWrapped() {
        assertThat(DatabaseUnavailable.isCause(new CompletionException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new HibernateException(ClosedConnectionException.INSTANCE))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new NoStackTraceTimeoutException("Timeout"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new PgException("not accepting connections", "FATAL", "55000", null)))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new PgException("terminating connection", "FATAL", "57P01", null)))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new PgException("connection failure", "FATAL", "08006", null))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SocketException("Connection reset"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new CompletionException(new IOException("Broken pipe")))).isTrue();
    }

    /** What the reactive client fails a command with when the connection closes while the command waits to be sent. */
    @Test
    void commandsCaughtByTheirConnectionClosingAreUnavailabilityToo() {
        assertThat(DatabaseUnavailable.isCause(new CompletionException(new NoStackTraceThrowable(
                "Pending requests failed to be sent due to connection has been closed.")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new VertxException(
                "Pending requests failed to be sent due to connection has been closed.",
                new PgException("terminating connection", "FATAL", "57P01", null)))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new HibernateException(new NoStackTraceThrowable(
                "Connection is not active now, current status: CLOSED")))).isTrue();
    }

    @Test
    void aQueryTheDatabaseRefusesIsNotUnavailability() {
        assertThat(DatabaseUnavailable.isCause(new PgException("null value", "ERROR", "23502", null))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new PgException("deadlock", "ERROR", "40P01", null))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException(new JsonParseException(null, "bad json"))))
                .isFalse();
    }
}
