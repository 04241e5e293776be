package com.tradesignals.execution.bench;

import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.contracts.signing.DeviceSecrets;
import com.tradesignals.testsupport.KafkaBroker;
import com.tradesignals.testsupport.PostgresServer;
import com.tradesignals.testsupport.ProjectRoot;
import com.tradesignals.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sustained fill ingestion (docs/execution-service.md, "Benchmark"): many simulated devices sign real
 * POST /api/v1/exec/fill requests against the packaged service on a throwaway PostgreSQL and Kafka; then pgbench
 * runs the same SQL statements one fill makes, against the same database, as the ceiling. Not a test: run by
 * execution-service/bench/run.
 */
public final class FillBenchmark {

    private static final String PGBENCH = "/usr/lib/postgresql/15/bin/pgbench";
    private static final String PATH = "/api/v1/exec/fill";

    private final Map<String, Integer> settings = new LinkedHashMap<>(Map.of(
            "devices", 256, "concurrency", 64, "warmup-seconds", 15, "seconds", 30, "pgbench-clients", 16,
            "pgbench-seconds", 20));
    private final Map<String, String> results = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ServiceProcess service;
    private String baseUrl;

    public static void main(String[] args) throws Exception {
        FillBenchmark benchmark = new FillBenchmark();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            benchmark.settings.put(pair[0], Integer.parseInt(pair[1]));
        }
        try {
            benchmark.run();
        } finally {
            benchmark.stopService();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Path repository = ProjectRoot.path();
        PostgresServer postgres = PostgresServer.shared();
        KafkaBroker kafka = KafkaBroker.shared();
        startService(repository, postgres, kafka);
        int devices = settings.get("devices");
        // Every execution gets two fills of 0.5 (PARTIALLY_FILLED, then FILLED): enough signals for 3,000 fills/s.
        int signalsPerDevice = (settings.get("warmup-seconds") + settings.get("seconds")) * 3000 / 2 / devices + 1;
        try (Connection sql = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                Statement statement = sql.createStatement()) {
            seed(statement, devices, signalsPerDevice, "signal");
            byte[] masterKey = HexFormat.of().parseHex(
                    Files.readString(repository.resolve("dev/keys/dev-only-device-master-key.hex")).strip());
            log("Warm-up " + settings.get("warmup-seconds") + " s");
            Load warmup = load(masterKey, settings.get("warmup-seconds"), new long[devices]);
            log("Measuring " + settings.get("seconds") + " s with " + settings.get("concurrency") + " concurrent devices");
            Load measured = load(masterKey, settings.get("seconds"), warmup.nextFill);
            long appliedInDatabase = count(statement, "select count(*) from fills where status = 'APPLIED'");
            results.put("fills accepted (200 FILL_APPLIED)", String.format(Locale.ROOT, "%d in %d s = %.0f fills/s",
                    measured.accepted, settings.get("seconds"), measured.accepted / (double) settings.get("seconds")));
            results.put("other answers", Long.toString(measured.other));
            results.put("latency p50 / p90 / p99 / max (ms)", measured.percentiles());
            results.put("applied fills in the database (warm-up + measured)", appliedInDatabase + " (answers: "
                    + (warmup.accepted + measured.accepted) + ")");
            results.put("outbox rows still unpublished at the end", Long.toString(count(statement,
                    "select count(*) from outbox_events where published_at is null")));
            stopService();
            seed(statement, devices, 200, "pg-signal");
            pgbench(repository, postgres, devices);
        }
        report(repository);
    }

    // ---- load ---------------------------------------------------------------------------------------------------

    private record Load(long accepted, long other, long[] latenciesMicros, long[] nextFill) {
        String percentiles() {
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", at(sorted, 0.50), at(sorted, 0.90),
                    at(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
        }

        private static double at(long[] sorted, double quantile) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
        }
    }

    /** Closed loop: each worker sends a device's next fill as soon as the previous answer arrived. */
    private Load load(byte[] masterKey, int seconds, long[] nextFill) throws Exception {
        int devices = nextFill.length;
        int concurrency = settings.get("concurrency");
        List<DeviceRequestSigner> signers = new ArrayList<>();
        for (int device = 0; device < devices; device++) {
            DeviceKeyId kid = new DeviceKeyId(uuidOf("device-" + device), 1);
            signers.add(new DeviceRequestSigner(kid, DeviceSecrets.derive(masterKey, kid), Clock.systemUTC()));
        }
        long[] progress = nextFill.clone();
        AtomicLong accepted = new AtomicLong();
        AtomicLong other = new AtomicLong();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int worker = 0; worker < concurrency; worker++) {
            int first = worker;
            new Thread(() -> {
                try {
                    for (int round = 0; System.nanoTime() < deadline; round++) {
                        int device = first + concurrency * (round % Math.max(1, devices / concurrency));
                        long fill = progress[device]++;
                        String body = "{\"report_id\":\"f-" + fill + "\",\"signal_id\":\""
                                + uuidOf("signal-" + device + "-" + (fill / 2)) + "\",\"trade_id\":\"t-" + fill
                                + "\",\"price\":\"1.1000" + (fill % 10) + "\",\"size\":\"0.5\",\"filled_at\":\""
                                + Instant.now() + "\"}";
                        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + PATH))
                                .header("Content-Type", "application/json")
                                .header("Authorization", signers.get(device).authorization("POST", PATH, "", body))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long started = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies.add((System.nanoTime() - started) / 1000);
                        if (response.statusCode() == 200 && response.body().contains("\"FILL_APPLIED\"")) {
                            accepted.incrementAndGet();
                        } else if (other.incrementAndGet() < 5) {
                            log("Unexpected answer " + response.statusCode() + ": " + response.body());
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    log("Worker stopped: " + e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        return new Load(accepted.get(), other.get(), latencies.stream().mapToLong(Long::longValue).toArray(), progress);
    }

    // ---- database -----------------------------------------------------------------------------------------------

    /** Devices and signals straight into the tables the lifecycle and signal consumers fill. */
    private static void seed(Statement statement, int devices, int signalsPerDevice, String prefix) throws Exception {
        log("Seeding " + devices + " devices × " + signalsPerDevice + " " + prefix + "s");
        statement.execute("insert into known_devices (device_id, user_id, is_active, key_version, updated_at) "
                + "select md5('device-' || d)::uuid, md5('user-' || d)::uuid, true, 1, now() "
                + "from generate_series(0, " + (devices - 1) + ") d on conflict do nothing");
        statement.execute("insert into signals (signal_id, user_id, instrument, side, size, price, issued_at, "
                + "expires_at, received_at) select md5('" + prefix + "-' || d || '-' || s)::uuid, md5('user-' || d)::uuid, "
                + "'EURUSD', 'BUY', 1, 1.1, now(), now() + interval '1 day', now() "
                + "from generate_series(0, " + (devices - 1) + ") d, generate_series(0, " + (signalsPerDevice - 1) + ") s");
        statement.execute("analyze");
    }

    private static long count(Statement statement, String query) throws Exception {
        try (ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The statements one fill makes (authentication, then the transaction), at pgbench's pace. */
    private void pgbench(Path repository, PostgresServer postgres, int devices) throws Exception {
        Path script = repository.resolve("execution-service/bench/fill-statements.sql");
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(postgres.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("unexpected JDBC URL " + postgres.jdbcUrl());
        }
        int clients = settings.get("pgbench-clients");
        log("pgbench: " + clients + " clients, " + settings.get("pgbench-seconds") + " s, " + script);
        Process pgbench = new ProcessBuilder(PGBENCH, "-n", "-c", Integer.toString(clients), "-j", "2",
                "-T", Integer.toString(settings.get("pgbench-seconds")), "-D", "devices=" + devices, "-D", "signals=200",
                "-h", url.group(1), "-p", url.group(2), "-U", postgres.user(), "-f", script.toString(), url.group(3))
                .redirectErrorStream(true).start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgbench.waitFor();
        Matcher tps = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)").matcher(output);
        Matcher latency = Pattern.compile("latency average = ([\\d.]+) ms").matcher(output);
        if (!tps.find() || !latency.find()) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        results.put("pgbench ceiling, same statements (" + clients + " clients)", String.format(Locale.ROOT,
                "%.0f fills/s, latency average %s ms", Double.parseDouble(tps.group(1)), latency.group(1)));
    }

    // ---- service --------------------------------------------------------------------------------------------------

    private void startService(Path repository, PostgresServer postgres, KafkaBroker kafka) throws Exception {
        Path log = repository.resolve("execution-service/target/bench-service.log");
        log("Starting execution-service (log: " + log + ")");
        service = ServiceProcess.start("execution-service", postgres, postgres.database(), kafka.bootstrapServers(),
                List.of("-Xms512m", "-Xmx1g", "-Dquarkus.datasource.reactive.max-size=32", "-Dquarkus.log.level=WARN"),
                Map.of(), log);
        baseUrl = service.baseUrl();
        log("execution-service ready on " + baseUrl);
    }

    private void stopService() {
        if (service != null) {
            service.stop();
        }
    }

    // ---- report ---------------------------------------------------------------------------------------------------

    private void report(Path repository) throws IOException {
        StringBuilder table = new StringBuilder("# execution-service fill ingestion, " + LocalDateTime.now().withNano(0)
                + "\n\nMachine: " + Runtime.getRuntime().availableProcessors() + " cores. Settings: " + settings
                + "\n\n| measure | value |\n| --- | --- |\n");
        results.forEach((name, value) -> table.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        Path file = repository.resolve("execution-service/bench/results/fill-ingestion.md");
        Files.writeString(file, table.toString());
        System.out.println(table);
        log("Written to " + file);
    }

    static UUID uuidOf(String text) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(md5);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


    private static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
