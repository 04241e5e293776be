package com.tradesignals.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A service run as operators run it: its packaged jar in a JVM of its own, configured through the same
 * environment variables as dev/up, docker-compose and Kubernetes, against a real database and broker. Used by
 * the end-to-end tests and the benchmarks.
 */
public final class ServiceProcess {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);

    /** Its command line and environment, to start it again on the same port (a gateway's upstream stays valid). */
    private final ProcessBuilder builder;
    private final int port;
    private final Path log;
    private volatile Process process;

    private ServiceProcess(ProcessBuilder builder, int port, Path log) throws IOException {
        this.builder = builder;
        this.port = port;
        this.log = log;
        this.process = builder.start();
    }

    /**
     * Starts {@code service} (e.g. "device-service") on a free port with its own database {@code database} on
     * {@code postgres}, and waits until it answers {@code /q/health/ready}.
     *
     * @param jvmOptions  options before {@code -jar}, e.g. heap size or {@code -Dkey=value} tuning
     * @param environment configuration beyond the common one (database, Kafka, JWT key, device master key, and the
     *                    opt-in {@code PLATFORM_DEV_ONLY_SETTINGS_ALLOWED} that lets the service use those dev keys)
     */
    public static ServiceProcess start(String service, PostgresServer postgres, String database,
            String kafkaBootstrapServers, List<String> jvmOptions, Map<String, String> environment, Path log)
            throws IOException {
        Path root = ProjectRoot.path();
        Path jar = root.resolve(service + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " missing: package " + service + " first (./mvnw package)");
        }
        int port = FreePort.onLoopback();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> variables = builder.environment();
        variables.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        variables.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
        variables.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        variables.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(database));
        variables.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        variables.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        variables.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", root.resolve("dev/keys/dev-only-jwt-public.pem").toString());
        variables.put("DEVICE_AUTH_MASTER_KEY",
                Files.readString(root.resolve("dev/keys/dev-only-device-master-key.hex")).strip());
        // A packaged service refuses the committed dev-only keys above unless told this is not production.
        variables.put("PLATFORM_DEV_ONLY_SETTINGS_ALLOWED", "true");
        variables.putAll(environment);
        Files.createDirectories(log.getParent());
        ServiceProcess started = new ServiceProcess(
                builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())), port,
                log);
        started.awaitReady();
        return started;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Completes when the process now running exits (after {@link #stop()}: once its shutdown is done). */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the service as a crash or an OOM kill would (SIGKILL): no draining, no shutdown hooks. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the service did not die within 30 s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the service again, same port, settings and log (appended), and waits until it is ready. */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("the service is still running");
        }
        process = builder.start();
        awaitReady();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(baseUrl() + "/q/health/ready");
        Awaitility.await("ready: " + ready).atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited during startup; see " + log);
            }
            try {
                return http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }
}
