package com.tradesignals.execution.bench;

import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.contracts.signing.DeviceSecrets;
import com.tradesignals.testsupport.BenchSummary;
import com.tradesignals.testsupport.KafkaBroker;
import com.tradesignals.testsupport.PostgresServer;
import com.tradesignals.testsupport.ProcessCpu;
import com.tradesignals.testsupport.ProjectRoot;
import com.tradesignals.testsupport.ServiceProcess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Optional;
import java.util.TreeMap;
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
    private static final String SERVICE = "execution-service";
    private static final String PATH = "/api/v1/exec/fill";
    private static final int P99_LIMIT_MILLIS = 50;

    private final Map<String, Integer> settings = new TreeMap<>(Map.ofEntries(Map.entry("devices", 256),
            Map.entry("ramp-seconds", 60), Map.entry("settle-seconds", 30), Map.entry("seconds", 60),
            Map.entry("step-ramp-seconds", 10), Map.entry("step-settle-seconds", 20), Map.entry("max-in-flight", 5000),
            Map.entry("pgbench-clients", 16), Map.entry("pgbench-seconds", 20), Map.entry("pool", 32),
            Map.entry("history-fills", 1_000_000)));
    /** The rates offered in turn (fills/s), rising, until one's p99 is above {@link #P99_LIMIT_MILLIS}. */
    private List<Integer> rates = List.of(200, 400, 600, 800, 1000);
    private final Map<String, String> results = new LinkedHashMap<>();
    private final Vertx vertx = Vertx.vertx();
    private ServiceProcess service;
    /** pgbench's rate for the same statements, fills/s. */
    private double pgbenchFillsPerSecond;
    /** Per device, the ids of its seeded signals in order, computed up front (not by the generator under load). */
    private String[][] signalIds;
    /** Per device, how many fills it has sent, over all the rates. */
    private long[] nextFill;

    public static void main(String[] args) throws Exception {
        FillBenchmark benchmark = new FillBenchmark();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair[0].equals("rates")) {
                benchmark.rates = Arrays.stream(pair[1].split(",")).map(Integer::valueOf).sorted().toList();
            } else {
                benchmark.settings.put(pair[0], Integer.parseInt(pair[1]));
            }
        }
        int status = 1;
        try {
            benchmark.run();
            status = 0;
        } catch (Exception failure) {
            failure.printStackTrace();
        } finally {
            benchmark.stopService();
            // The HTTP client's event loop would keep the JVM, and the build lock, alive.
            System.exit(status);
        }
    }

    private void run() throws Exception {
        Path repository = ProjectRoot.path();
        PostgresServer postgres = PostgresServer.shared();
        KafkaBroker kafka = KafkaBroker.shared();
        startService(repository, postgres, kafka);
        int devices = settings.get("devices");
        List<Schedule> schedules = schedules();
        // Every execution gets two fills of 0.5 (PARTIALLY_FILLED, then FILLED).
        int signalsPerDevice = (int) (schedules.stream().mapToLong(Schedule::total).sum() / 2 / devices) + 2;
        try (Connection sql = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                Statement statement = sql.createStatement()) {
            seed(statement, devices, signalsPerDevice, "signal");
            seedHistory(statement, devices, settings.get("history-fills"));
            vacuumEveryDatabase(postgres);
            signalIds = new String[devices][signalsPerDevice];
            for (int device = 0; device < devices; device++) {
                for (int signal = 0; signal < signalsPerDevice; signal++) {
                    signalIds[device][signal] = uuidOf("signal-" + device + "-" + signal).toString();
                }
            }
            nextFill = new long[devices];
            byte[] masterKey = HexFormat.of().parseHex(
                    Files.readString(repository.resolve("dev/keys/dev-only-device-master-key.hex")).strip());
            List<DeviceRequestSigner> signers = new ArrayList<>();
            for (int device = 0; device < devices; device++) {
                DeviceKeyId kid = new DeviceKeyId(uuidOf("device-" + device), 1);
                signers.add(new DeviceRequestSigner(kid, DeviceSecrets.derive(masterKey, kid), Clock.systemUTC()));
            }
            HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                    .setDefaultPort(service.port()), new PoolOptions().setHttp1MaxSize(devices));
            List<Step> steps = new ArrayList<>();
            long acceptedAnswers = 0;
            for (Schedule schedule : schedules) {
                log("Rising over " + schedule.rampSeconds() + " s from " + schedule.startRate() + " to "
                        + schedule.rate() + " fills/s, then " + schedule.settleSeconds() + " s at that rate; then "
                        + schedule.measuredSeconds() + " s measured at that rate");
                Load measured = load(http, signers, schedule);
                Step step = new Step(schedule.rate(), measured.accepted / (double) schedule.measuredSeconds(),
                        measured.quantileMillis(0.50), measured.quantileMillis(0.99));
                steps.add(step);
                acceptedAnswers += measured.acceptedInAll;
                record(step, measured);
                Files.writeString(repository.resolve("execution-service/target/bench-slow-windows-" + step.rate()
                        + ".txt"), measured.slowWindowTimeline(P99_LIMIT_MILLIS));
                if (step.p99() > P99_LIMIT_MILLIS) {
                    log("p99 above " + P99_LIMIT_MILLIS + " ms at " + step.rate() + " fills/s: no higher rate offered");
                    break;
                }
            }
            long applied = count(statement, "select count(*) from fills where status = 'APPLIED'")
                    - settings.get("history-fills");
            results.put("applied fills in the database (all rates, warm-up included, besides the history)",
                    applied + " (answers: " + acceptedAnswers + ")");
            results.put("outbox rows still unpublished at the end", Long.toString(count(statement,
                    "select count(*) from outbox_events")));
            stopService();
            seed(statement, devices, 200, "pg-signal");
            pgbench(repository, postgres, devices);
            Optional<Step> highest = steps.stream().filter(step -> step.p99() <= P99_LIMIT_MILLIS)
                    .reduce((lower, higher) -> higher);
            results.put("highest rate offered with p99 ≤ " + P99_LIMIT_MILLIS + " ms (of " + rates + " fills/s)",
                    highest.map(step -> String.format(Locale.ROOT, "%d fills/s, %.0f accepted/s = %.2f × pgbench",
                            step.rate(), step.acceptedPerSecond(), step.acceptedPerSecond() / pgbenchFillsPerSecond))
                            .orElse("none"));
            summarize(steps, highest);
        }
        report(repository);
    }

    /**
     * The first rate rises from a tenth of it over the full warm-up (the JVM, the pools and the caches start cold);
     * each next rate rises from the one before over a short ramp.
     */
    private List<Schedule> schedules() {
        List<Schedule> schedules = new ArrayList<>();
        int seconds = settings.get("seconds");
        for (int rate : rates) {
            schedules.add(schedules.isEmpty()
                    ? new Schedule(rate / 10, rate, settings.get("ramp-seconds"), settings.get("settle-seconds"), seconds)
                    : new Schedule(schedules.get(schedules.size() - 1).rate(), rate, settings.get("step-ramp-seconds"),
                            settings.get("step-settle-seconds"), seconds));
        }
        return schedules;
    }

    /** One rate's measured window. */
    private record Step(int rate, double acceptedPerSecond, double p50, double p99) {
    }

    private void record(Step step, Load measured) {
        String at = "at " + step.rate() + " fills/s: ";
        results.put(at + "fills offered / accepted (200 FILL_APPLIED) / other answers / not sent (over max-in-flight)",
                String.format(Locale.ROOT, "%d / %d / %d / %d in %d s = %.0f accepted/s", measured.offered,
                        measured.accepted, measured.other, measured.notSent, settings.get("seconds"),
                        step.acceptedPerSecond()));
        results.put(at + "latency from scheduled send, p50 / p90 / p99 / max (ms)", measured.percentiles());
        results.put(at + "machine CPU busy; CPU per fill service / PostgreSQL (ms)", String.format(Locale.ROOT,
                "%.0f %%; %.2f / %.2f", 100 * measured.cpuAtEnd.busySince(measured.cpuAtStart),
                measured.cpuMillisPerFill(ProcessCpu.SERVICE), measured.cpuMillisPerFill(ProcessCpu.POSTGRESQL)));
        results.put(at + "100 ms windows (by due time) holding a fill slower than " + P99_LIMIT_MILLIS + " ms",
                measured.slowWindows(P99_LIMIT_MILLIS));
    }

    // ---- load ---------------------------------------------------------------------------------------------------

    /**
     * When each fill is due: the rate rises linearly from {@code startRate} to {@code rate} over {@code rampSeconds}
     * (as a replica joining a rolling deployment gets its share), then stays at {@code rate} for
     * {@code settleSeconds} and the {@code measuredSeconds} measured. One schedule, so the generator runs the same
     * code from the first fill to the last.
     */
    private record Schedule(int startRate, int rate, int rampSeconds, int settleSeconds, int measuredSeconds) {

        long rampFills() {
            return (long) (startRate + rate) * rampSeconds / 2;
        }

        long firstMeasured() {
            return rampFills() + (long) rate * settleSeconds;
        }

        long total() {
            return firstMeasured() + (long) rate * measuredSeconds;
        }

        /** How many fills are due {@code seconds} after the start. */
        long dueBy(double seconds) {
            double acceleration = (rate - startRate) / (double) rampSeconds;
            double ramping = Math.min(seconds, rampSeconds);
            double due = startRate * ramping + acceleration * ramping * ramping / 2
                    + rate * Math.max(0, seconds - rampSeconds);
            return Math.min(total(), (long) due);
        }

        /** When fill {@code index} is due, in nanoseconds after the start. */
        long dueAtNanos(long index) {
            double acceleration = (rate - startRate) / (double) rampSeconds;
            double seconds = index < rampFills()
                    ? (Math.sqrt((double) startRate * startRate + 2 * acceleration * index) - startRate) / acceleration
                    : rampSeconds + (index - rampFills()) / (double) rate;
            return (long) (seconds * 1e9);
        }
    }

    /**
     * The measured fills: {@code latenciesMicros} in the order the fills were due (not sent: {@link Long#MAX_VALUE}),
     * and the processes' CPU at the start and the end. {@code acceptedInAll} counts the warm-up's too.
     */
    private record Load(long offered, long accepted, long other, long notSent, long acceptedInAll,
            long[] latenciesMicros, int rate, Instant startedAt, ProcessCpu.Sample cpuAtStart,
            ProcessCpu.Sample cpuAtEnd) {

        double cpuMillisPerFill(String group) {
            return cpuAtEnd.secondsSince(cpuAtStart, group) * 1000 / offered;
        }

        /** How many 100 ms windows of due times hold a fill slower than {@code limitMillis}, of how many. */
        String slowWindows(int limitMillis) {
            long[] slowest = slowestPerWindow();
            return Arrays.stream(slowest).filter(latency -> latency > limitMillis * 1000L).count() + " of "
                    + slowest.length;
        }

        /** Each 100 ms window of due times holding a fill slower than {@code limitMillis}: its start, its slowest. */
        String slowWindowTimeline(int limitMillis) {
            long[] slowest = slowestPerWindow();
            StringBuilder timeline = new StringBuilder();
            for (int window = 0; window < slowest.length; window++) {
                if (slowest[window] > limitMillis * 1000L) {
                    timeline.append(startedAt.plusMillis(100L * window)).append(' ').append(slowest[window] / 1000)
                            .append(" ms\n");
                }
            }
            return timeline.toString();
        }

        /** Per 100 ms window of due times, its slowest answered fill (microseconds). */
        private long[] slowestPerWindow() {
            int perWindow = Math.max(1, rate / 10);
            long[] slowest = new long[(latenciesMicros.length + perWindow - 1) / perWindow];
            for (int index = 0; index < latenciesMicros.length; index++) {
                if (latenciesMicros[index] != Long.MAX_VALUE) {
                    slowest[index / perWindow] = Math.max(slowest[index / perWindow], latenciesMicros[index]);
                }
            }
            return slowest;
        }

        double quantileMillis(double quantile) {
            long[] sorted = Arrays.stream(latenciesMicros).filter(latency -> latency != Long.MAX_VALUE).toArray();
            Arrays.sort(sorted);
            return at(sorted, quantile);
        }

        String percentiles() {
            long[] sorted = Arrays.stream(latenciesMicros).filter(latency -> latency != Long.MAX_VALUE).toArray();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", at(sorted, 0.50), at(sorted, 0.90),
                    at(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
        }

        private static double at(long[] sorted, double quantile) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
        }
    }

    /**
     * Open loop: fill number i is due at a fixed time whatever the answers to earlier fills, so a slow service builds a
     * queue instead of slowing the generator down; latency counts from when a fill was due (no coordinated omission).
     * Fills go round-robin over the devices, each device's fills in order over its signals.
     */
    private Load load(HttpClient http, List<DeviceRequestSigner> signers, Schedule schedule) throws Exception {
        long total = schedule.total();
        long firstMeasured = schedule.firstMeasured();
        int maxInFlight = settings.get("max-in-flight");
        AtomicLong accepted = new AtomicLong();
        AtomicLong acceptedInAll = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong notSent = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        long[] latencies = new long[(int) total];
        CountDownLatch answered = new CountDownLatch((int) total);
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        ProcessCpu.Sample[] cpuAtStart = new ProcessCpu.Sample[1];
        vertx.setTimer(Math.max(1, schedule.dueAtNanos(firstMeasured) / 1_000_000), timer -> {
            try {
                cpuAtStart[0] = ProcessCpu.sample(SERVICE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long[] sent = {0};
        vertx.setPeriodic(1, timer -> {
            long due = schedule.dueBy((System.nanoTime() - start) / 1e9);
            for (; sent[0] < due; sent[0]++) {
                long index = sent[0];
                boolean isMeasured = index >= firstMeasured;
                long dueAt = start + schedule.dueAtNanos(index);
                if (inFlight.get() >= maxInFlight) {
                    if (isMeasured) {
                        notSent.incrementAndGet();
                    }
                    latencies[(int) index] = Long.MAX_VALUE;
                    answered.countDown();
                    continue;
                }
                inFlight.incrementAndGet();
                int device = (int) (index % signers.size());
                long fill = nextFill[device]++;
                sendFill(http, signers.get(device), signalIds[device][(int) (fill / 2)], fill).onComplete(answer -> {
                    latencies[(int) index] = (System.nanoTime() - dueAt) / 1000;
                    inFlight.decrementAndGet();
                    if (answer.succeeded() && answer.result()) {
                        acceptedInAll.incrementAndGet();
                        if (isMeasured) {
                            accepted.incrementAndGet();
                        }
                    } else if (other.incrementAndGet() < 5) {
                        log("Unexpected answer: " + (answer.succeeded() ? "not FILL_APPLIED" : answer.cause()));
                    }
                    answered.countDown();
                });
            }
            if (sent[0] == total) {
                vertx.cancelTimer(timer);
            }
        });
        long seconds = schedule.rampSeconds() + schedule.settleSeconds() + schedule.measuredSeconds();
        if (!answered.await(seconds + 120L, TimeUnit.SECONDS)) {
            throw new IllegalStateException(answered.getCount() + " fills still unanswered two minutes after the end");
        }
        return new Load(total - firstMeasured, accepted.get(), other.get(), notSent.get(), acceptedInAll.get(),
                Arrays.copyOfRange(latencies, (int) firstMeasured, (int) total), schedule.rate(),
                startedAt.plusNanos(schedule.dueAtNanos(firstMeasured)), cpuAtStart[0], ProcessCpu.sample(SERVICE));
    }

    /** Sends one signed fill; completes with whether it was answered 200 FILL_APPLIED. */
    private static Future<Boolean> sendFill(HttpClient http, DeviceRequestSigner signer, String signalId, long fill) {
        String body = "{\"report_id\":\"f-" + fill + "\",\"signal_id\":\"" + signalId + "\",\"trade_id\":\"t-"
                + fill + "\",\"price\":\"1.1000" + (fill % 10) + "\",\"size\":\"0.5\",\"filled_at\":\""
                + Instant.now() + "\"}";
        String authorization = signer.authorization("POST", PATH, "", body);
        return http.request(HttpMethod.POST, PATH)
                .compose(request -> request.putHeader("Content-Type", "application/json")
                        .putHeader("Authorization", authorization)
                        .send(body))
                .compose(response -> response.body().map(answer -> response.statusCode() == 200
                        && answer.toString().contains("\"FILL_APPLIED\"")));
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
        // As SignalConsumer does when a signal arrives: a PENDING execution for each of the user's active devices.
        statement.execute("insert into executions (execution_id, signal_id, device_id, user_id, state, created_at, "
                + "updated_at) select md5('" + prefix + "-execution-' || d || '-' || s)::uuid, md5('" + prefix
                + "-' || d || '-' || s)::uuid, md5('device-' || d)::uuid, md5('user-' || d)::uuid, 'PENDING', now(), "
                + "now() from generate_series(0, " + (devices - 1) + ") d, generate_series(0, "
                + (signalsPerDevice - 1) + ") s");
        statement.execute("analyze");
    }

    /**
     * Executions the devices filled before the run (two fills each, with their reports), so that the tables have the
     * size of a service that has been running: autovacuum then analyzes them at its production pace (after 10 %
     * growth), not every minute as it does a table growing from empty.
     */
    private static void seedHistory(Statement statement, int devices, int fills) throws Exception {
        log("Seeding a history of " + fills + " fills");
        String execution = "from generate_series(0, " + (fills / 2 - 1) + ") e";
        statement.execute("insert into signals (signal_id, user_id, instrument, side, size, price, issued_at, "
                + "expires_at, received_at) select md5('history-' || e)::uuid, md5('user-' || e % " + devices
                + ")::uuid, 'EURUSD', 'BUY', 1, 1.1, now() - interval '1 day', now() - interval '23 hours', "
                + "now() - interval '1 day' " + execution);
        statement.execute("insert into executions (execution_id, signal_id, device_id, user_id, state, "
                + "cumulative_size, notional, average_price, first_fill_at, last_fill_at, created_at, updated_at) "
                + "select md5('history-execution-' || e)::uuid, md5('history-' || e)::uuid, md5('device-' || e % "
                + devices + ")::uuid, md5('user-' || e % " + devices + ")::uuid, 'FILLED', 1, 1.1, 1.1, "
                + "now() - interval '1 day', now() - interval '1 day', now() - interval '1 day', "
                + "now() - interval '1 day' " + execution);
        String fill = execution + ", generate_series(0, 1) k";
        statement.execute("insert into fills (fill_id, execution_id, signal_id, device_id, user_id, trade_id, size, "
                + "price, notional, filled_at, received_at, status) select md5('history-fill-' || e || '-' || k)::uuid, "
                + "md5('history-execution-' || e)::uuid, md5('history-' || e)::uuid, md5('device-' || e % " + devices
                + ")::uuid, md5('user-' || e % " + devices + ")::uuid, 'h-' || e || '-' || k, 0.5, 1.1, 0.55, "
                + "now() - interval '1 day', now() - interval '1 day', 'APPLIED' " + fill);
        statement.execute("insert into execution_reports (id, device_id, user_id, report_id, report_type, signal_id, "
                + "payload_hash, payload, fill_id, outcome, response_status, response_body, received_at) "
                + "select md5('history-report-' || e || '-' || k)::uuid, md5('device-' || e % " + devices
                + ")::uuid, md5('user-' || e % " + devices + ")::uuid, 'h-' || e || '-' || k, 'FILL', "
                + "md5('history-' || e)::uuid, md5(e || '-' || k) || md5(k || '-' || e), repeat('x', 220), "
                + "md5('history-fill-' || e || '-' || k)::uuid, 'FILL_APPLIED', 200, repeat('x', 330), "
                + "now() - interval '1 day' " + fill);
    }

    /** A new cluster's first autovacuum pass over each database's catalogs, done before the load instead of in it. */
    private static void vacuumEveryDatabase(PostgresServer postgres) throws Exception {
        for (String database : List.of(postgres.database(), "postgres", "template1")) {
            try (Connection sql = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(),
                    postgres.password()); Statement statement = sql.createStatement()) {
                statement.execute("vacuum analyze");
            }
        }
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
        Process pgbench = new ProcessBuilder(PGBENCH, "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2",
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
        pgbenchFillsPerSecond = Double.parseDouble(tps.group(1));
        results.put("pgbench ceiling, same statements (" + clients + " clients)", String.format(Locale.ROOT,
                "%.0f fills/s, latency average %s ms", Double.parseDouble(tps.group(1)), latency.group(1)));
    }

    // ---- service --------------------------------------------------------------------------------------------------

    private void startService(Path repository, PostgresServer postgres, KafkaBroker kafka) throws Exception {
        Path log = repository.resolve("execution-service/target/bench-service.log");
        log("Starting execution-service (log: " + log + ")");
        service = ServiceProcess.start(SERVICE, postgres, postgres.database(), kafka.bootstrapServers(),
                List.of("-Xms512m", "-Xmx1g", "-Dquarkus.datasource.reactive.max-size=" + settings.get("pool"),
                        "-Dquarkus.log.level=WARN",
                        "-Xlog:gc,safepoint:file=" + repository.resolve("execution-service/target/bench-gc.log")),
                Map.of(), log);
        log("execution-service ready on " + service.baseUrl());
    }

    private void stopService() {
        if (service != null) {
            service.stop();
        }
    }

    // ---- report ---------------------------------------------------------------------------------------------------

    /** The headline figures for dev/bench (target/bench/fill-ingestion.tsv). */
    private void summarize(List<Step> steps, Optional<Step> highest) throws IOException {
        double accepted = highest.map(Step::acceptedPerSecond).orElse(0.0);
        double ratio = accepted / pgbenchFillsPerSecond;
        BenchSummary summary = new BenchSummary("fill-ingestion")
                .add("fill ingestion, highest rate offered with p99 ≤ " + P99_LIMIT_MILLIS + " ms (of " + rates
                        + "): accepted/s, vs pgbench, same statements", String.format(Locale.ROOT, "%.0f", accepted),
                        "≥ 0.5 × pgbench", ratio >= 0.5, String.format(Locale.ROOT, "%.0f", pgbenchFillsPerSecond),
                        String.format(Locale.ROOT, "%.2f", ratio));
        for (Step step : steps) {
            summary.add("fill ingestion at " + step.rate() + " fills/s offered: answer p50 / p99 (ms)",
                    String.format(Locale.ROOT, "%.1f / %.1f", step.p50(), step.p99()), "p99 ≤ " + P99_LIMIT_MILLIS,
                    step.p99() <= P99_LIMIT_MILLIS);
        }
        summary.write();
    }

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
