package com.tradesignals.platform.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The reactive pool as configured, keeping prepared statements of any length: with
 * {@code quarkus.datasource.reactive.cache-prepared-statements} a connection prepares a statement once, but Vert.x
 * keeps only statements of up to 2,048 characters by default, and the device poll statement, the most executed of
 * all, is longer. A statement not kept is parsed and planned by PostgreSQL on every execution (decision 0017).
 */
@Singleton
public class StatementCachingPoolCreator implements PgPoolCreator {

    private final DatabaseConfig config;

    StatementCachingPoolCreator(DatabaseConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        List<SqlConnectOptions> servers = new ArrayList<>(input.pgConnectOptionsList());
        servers.forEach(options -> options.setPreparedStatementCacheSqlLimit(config.preparedStatementMaxLength()));
        return PgBuilder.pool().with(input.poolOptions()).connectingTo(servers).using(input.vertx()).build();
    }
}
