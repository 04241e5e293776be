package com.tradesignals.device.polling;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A connection of the pool prepares a statement once and keeps it, however long: the poll statement is longer than
 * the 2,048 characters Vert.x keeps by default, and a statement not kept is parsed and planned on every execution
 * (decision 0017).
 */
@QuarkusTest
class PreparedStatementsTest {

    @Inject
    Pool database;

    @Test
    void aConnectionKeepsALongStatementPreparedAcrossExecutions() {
        String marker = "kept-" + UUID.randomUUID();
        String statement = "select $1::int + 1 as answer /* " + marker + " " + "x".repeat(3000) + " */";

        long kept = database.withConnection(connection -> connection.preparedQuery(statement).execute(Tuple.of(1))
                        .chain(() -> connection.preparedQuery(statement).execute(Tuple.of(2)))
                        .chain(() -> connection.preparedQuery(
                                        "select count(*) from pg_prepared_statements where statement like $1")
                                .execute(Tuple.of("%" + marker + "%")))
                        .map(rows -> rows.iterator().next().getLong(0)))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(kept).as("prepared statements holding the long statement on this connection").isEqualTo(1);
    }
}
