package com.tradesignals.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.tradesignals.platform.problem.ProblemException;
import io.vertx.sqlclient.DatabaseException;
import jakarta.validation.ValidationException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Optional;

/**
 * Sorts a consumer's failures into permanent ones, which retrying cannot cure, and all others, which the Inbox
 * retries until they pass (decision 0008). Permanent, by the first of the failure and its causes that is one of:
 * <ul>
 * <li>{@link DeadLetter}: the Inbox or an effect already decided;</li>
 * <li>the event's content: {@link IllegalArgumentException} (and {@link NumberFormatException}), {@link ArithmeticException},
 * {@link DateTimeException}, Bean Validation's {@link ValidationException}, a {@link ProblemException} answered 4xx, and
 * Jackson's {@link JsonProcessingException};</li>
 * <li>SQLSTATE class 22 (data exception) and 23 (integrity constraint violation): the database will never store it.</li>
 * </ul>
 * Everything else is transient: the database unreachable ({@code DatabaseUnavailable}), timeouts, serialization
 * failures (40001), deadlocks (40P01), lock timeouts (55P03), and, deliberately, failures nobody foresaw: a partition
 * that waits shows in a metric and an alert, an event dead-lettered for a passing fault is lost to everyone downstream.
 */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    public static boolean isTransient(Throwable failure) {
        return permanentReason(failure).isEmpty();
    }

    /** The dead-letter reason of a permanent failure; empty for a transient one. */
    public static Optional<String> permanentReason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DeadLetter deadLetter) {
                return Optional.of(deadLetter.reason());
            }
            if (cause instanceof JsonProcessingException) {
                return Optional.of(DeadLetter.UNREADABLE);
            }
            if (cause instanceof IllegalArgumentException || cause instanceof ArithmeticException
                    || cause instanceof DateTimeException || cause instanceof ValidationException
                    || (cause instanceof ProblemException problem && problem.status().getStatusCode() < 500)) {
                return Optional.of(DeadLetter.INVALID);
            }
            String state = cause instanceof DatabaseException database ? database.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return Optional.of(DeadLetter.INVALID);
            }
        }
        return Optional.empty();
    }
}
