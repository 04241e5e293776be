package com.tradesignals.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A real PostgreSQL for one test JVM. With {@code TEST_PG_HOST} set (and optionally {@code TEST_PG_PORT},
 * {@code TEST_PG_USER}, {@code TEST_PG_PASSWORD}) it uses that server; otherwise it starts a throwaway
 * cluster from the installed binaries (trust auth, loopback, a free port, fsync off) and removes it when
 * the JVM exits. Either way each JVM gets a database of its own.
 */
public final class PostgresServer {

    private static PostgresServer instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String database;

    private PostgresServer(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static synchronized PostgresServer shared() {
        if (instance == null) {
            String configuredHost = System.getenv("TEST_PG_HOST");
            instance = configuredHost != null && !configuredHost.isBlank()
                    ? new PostgresServer(configuredHost, Integer.parseInt(env("TEST_PG_PORT", "5432")),
                            env("TEST_PG_USER", "postgres"), env("TEST_PG_PASSWORD", ""))
                    : startThrowawayCluster();
            instance.createDatabase();
        }
        return instance;
    }

    /** The database created for this JVM. */
    public String database() {
        return database;
    }

    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String reactiveUrl() {
        return reactiveUrl(database);
    }

    public String jdbcUrl(String otherDatabase) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + otherDatabase;
    }

    public String reactiveUrl(String otherDatabase) {
        return "postgresql://" + host + ":" + port + "/" + otherDatabase;
    }

    /** One more database on this server (for a test that runs several services), dropped with the rest. */
    public String createDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute("create database " + name);
        return name;
    }

    /**
     * Makes {@code name} unreachable, as a database outage would for the service: no new session is accepted
     * ({@code ALLOW_CONNECTIONS false}, which binds superusers too) and every open one is terminated.
     */
    public void refuseConnections(String name) {
        execute("alter database " + name + " allow_connections false");
        execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
    }

    /** Ends {@link #refuseConnections}. */
    public void acceptConnections(String name) {
        execute("alter database " + name + " allow_connections true");
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private void createDatabase() {
        execute("create database " + database);
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + host + ":" + port, e);
        }
        if (System.getenv("TEST_PG_HOST") != null && sql.startsWith("create database ")) {
            String name = sql.substring("create database ".length());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(name)));
        }
    }

    private void dropDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e);
        }
    }

    private static PostgresServer startThrowawayCluster() {
        Path binaries = postgresBinaries();
        int port = FreePort.onLoopback();
        try {
            Path directory = Files.createTempDirectory("pg-test-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path data = directory.resolve("data");
            Path log = directory.resolve("postgres.log");
            Files.createFile(log);
            String osUser = ProcessRunner.isRoot() ? "postgres" : null;
            if (osUser != null) {
                ProcessRunner.run(List.of("chown", "-R", osUser, directory.toString()), directory.resolve("chown.log"), 30);
            }
            ProcessRunner.run(ProcessRunner.asUser(osUser, List.of(binaries.resolve("initdb").toString(),
                    "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync",
                    "--locale=C")), log, 120);
            String options = "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
                    + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
                    // As the deployments' Clusters (k8s/base/databases.yaml); the default 128MB is a laptop's.
                    + " -c shared_buffers=256MB"
                    // For profiling a benchmark, e.g. "-c shared_preload_libraries=pg_stat_statements".
                    + " " + env("TEST_PG_OPTIONS", "");
            ProcessRunner.run(ProcessRunner.asUser(osUser, List.of(binaries.resolve("pg_ctl").toString(),
                    "-D", data.toString(), "-o", options, "-l", log.toString(), "-w", "-t", "60", "start")),
                    directory.resolve("pg_ctl.log"), 90);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ProcessRunner.run(ProcessRunner.asUser(osUser, List.of(binaries.resolve("pg_ctl").toString(),
                        "-D", data.toString(), "-m", "immediate", "-w", "stop")), directory.resolve("pg_ctl.log"), 60);
                ProcessRunner.deleteRecursively(directory);
            }));
            return new PostgresServer("127.0.0.1", port, "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a throwaway PostgreSQL cluster", e);
        }
    }

    /** The newest installed server: {@code /usr/lib/postgresql/<version>/bin} on Debian. */
    private static Path postgresBinaries() {
        Optional<Path> debian = Optional.ofNullable(Path.of("/usr/lib/postgresql").toFile().listFiles())
                .stream().flatMap(Arrays::stream)
                .map(file -> file.toPath().resolve("bin"))
                .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                .max(Comparator.comparing(bin -> versionOf(bin.getParent().getFileName().toString())));
        return debian.orElseThrow(() -> new IllegalStateException(
                "No PostgreSQL server binaries found under /usr/lib/postgresql; install postgresql "
                        + "(apt-get install postgresql) or set TEST_PG_HOST to a running server"));
    }

    private static double versionOf(String directoryName) {
        try {
            return Double.parseDouble(directoryName.toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
