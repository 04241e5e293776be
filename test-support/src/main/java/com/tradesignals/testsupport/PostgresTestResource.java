package com.tradesignals.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the service under test at its own database on a real PostgreSQL ({@link PostgresServer}). */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresServer server = PostgresServer.shared();
        return Map.of(
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password(),
                "quarkus.datasource.reactive.url", server.reactiveUrl(),
                "quarkus.datasource.jdbc.url", server.jdbcUrl());
    }

    @Override
    public void stop() {
        // The server outlives one application start: it is removed when the test JVM exits.
    }
}
