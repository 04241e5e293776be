package com.tradesignals.platform.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Recognises the failures that mean "the service's database cannot be reached right now" as the reactive PostgreSQL
 * client and Hibernate Reactive raise them, wrapped or not: connection refused, the connection closed under a query,
 * no pooled connection within the pool's timeout, and the server refusing sessions (shutting down, too many
 * connections, the database not accepting connections). A request that meets one is answered 503, a consumer retries.
 */
public final class DatabaseUnavailable {

    /** SQLSTATEs of a server that refuses or drops sessions; class 08 (connection exception) counts as a whole. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", // admin_shutdown: the connection was terminated
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now: starting up or shutting down
            "53300", // too_many_connections
            "55000"); // object_not_in_prerequisite_state: "database is not currently accepting connections"

    /**
     * How the reactive client fails the commands it still held when their connection closed under them: without a
     * dedicated type (io.vertx.sqlclient.impl.SocketConnectionBase), so only the message tells.
     */
    private static final List<String> CLOSED_CONNECTION_MESSAGES = List.of(
            "Pending requests failed to be sent due to connection has been closed",
            "Connection is not active now");

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure} or one of its causes says the database cannot be reached. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isUnavailable(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(Throwable failure) {
        if (failure instanceof DatabaseException database) {
            String state = database.getSqlState();
            return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
        }
        // IOException: the socket failed under a read or write (connection refused or reset, broken pipe, closed
        // channel, unknown host); Jackson's exceptions are IOExceptions too, and are not. TimeoutException covers
        // Vert.x' NoStackTraceTimeoutException: no pooled connection within the pool's timeout.
        return failure instanceof IOException && !(failure instanceof JsonProcessingException)
                || failure instanceof ClosedConnectionException || failure instanceof TimeoutException
                || isClosedUnderCommand(failure);
    }

    private static boolean isClosedUnderCommand(Throwable failure) {
        String message = failure.getMessage();
        return message != null && CLOSED_CONNECTION_MESSAGES.stream().anyMatch(message::startsWith);
    }
}
