package com.tradesignals.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import com.tradesignals.platform.problem.ProblemException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    @Test
    void anUnreachableOrBusyDatabaseIsTransientHoweverItIsWrapped() {
        assertThat(FailureClassifier.isTransient(new CompletionException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(FailureClassifier.isTransient(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(FailureClassifier.isTransient(new NoStackTraceTimeoutException("Timeout"))).isTrue();
        for (String state : new String[] { "08006", "57P01", "57P03", "53300", "55000", "40001", "40P01", "55P03" }) {
            assertThat(FailureClassifier.isTransient(new HibernateException(pg(state)))).as(state).isTrue();
        }
    }

    @Test
    void anUnforeseenFailureIsRetriedRatherThanDropped() {
        assertThat(FailureClassifier.isTransient(new NullPointerException())).isTrue();
        assertThat(FailureClassifier.isTransient(new IllegalStateException("Session is closed"))).isTrue();
    }

    @Test
    void whatNoRetryCanCureIsPermanentWithItsReason() {
        assertThat(FailureClassifier.permanentReason(new IllegalArgumentException("incomplete signal")))
                .contains(DeadLetter.INVALID);
        assertThat(FailureClassifier.permanentReason(new CompletionException(new HibernateException(pg("23502")))))
                .contains(DeadLetter.INVALID);
        assertThat(FailureClassifier.permanentReason(pg("22003"))).contains(DeadLetter.INVALID);
        assertThat(FailureClassifier.permanentReason(new ArithmeticException("overflow"))).contains(DeadLetter.INVALID);
        assertThat(FailureClassifier.permanentReason(new JsonParseException(null, "bad"))).contains(DeadLetter.UNREADABLE);
        assertThat(FailureClassifier.permanentReason(new DeadLetter(DeadLetter.FOREIGN_PRODUCER, "from elsewhere")))
                .contains(DeadLetter.FOREIGN_PRODUCER);
        assertThat(FailureClassifier.permanentReason(
                new ProblemException(Response.Status.CONFLICT, "conflict", "Conflict", "no"))).contains(DeadLetter.INVALID);
    }

    @Test
    void aServerSideProblemIsNotTheEventsFault() {
        assertThat(FailureClassifier.isTransient(
                new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "busy", "Busy", "later"))).isTrue();
    }

    private static PgException pg(String sqlState) {
        return new PgException("failure " + sqlState, "ERROR", sqlState, null);
    }
}
