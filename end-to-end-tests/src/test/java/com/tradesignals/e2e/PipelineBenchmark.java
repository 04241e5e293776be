package com.tradesignals.e2e;

import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.contracts.signing.DeviceSecrets;
import com.tradesignals.testsupport.BenchSummary;
import com.tradesignals.testsupport.ProjectRoot;
import com.tradesignals.testsupport.TestTokens;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The fill-to-commission pipeline under a fixed open-loop rate (docs/benchmarks.md): signed fills from many simulated
 * devices into execution-service, through its outbox and Kafka ({@code executions.v1}) into affiliate-service, which
 * accrues two commissions per fill (trader → affiliate → top affiliate; a few top affiliates over every trader, so
 * their rows are the contended ones). Measures the fills' answers, when each fill's commissions become visible in
 * affiliate-service's database (polled), and affiliate-service's consumer lag on {@code executions.v1} each second.
 * The system is {@link SystemUnderTest}, as the end-to-end tests run it. Not a test: run by
 * {@code end-to-end-tests/bench/run} (or {@code dev/bench pipeline}).
 */
public final class PipelineBenchmark {

    private static final String FILL_PATH = "/api/v1/exec/fill";
    private static final String AFFILIATE_GROUP = "affiliate-service";
    /** The poller re-reads commissions created this long before the newest it has seen: their transactions may commit late. */
    private static final Duration POLL_OVERLAP = Duration.ofSeconds(1);

    private final Map<String, String> settings = new TreeMap<>(Map.of("rates", "200,1000", "warmup-seconds", "60",
            "seconds", "60", "drain-seconds", "60", "devices", "256", "tops", "4", "middles-per-top", "8",
            "max-in-flight", "5000", "poll-millis", "20"));
    private final StringBuilder report = new StringBuilder();
    private final BenchSummary summary = new BenchSummary("pipeline");
    private SystemUnderTest system;
    private List<DeviceRequestSigner> signers;
    private String[][] signalIds;
    private long[] nextFill;
    private long nextIndex;
    private List<UUID> tops;
    private HttpClient http;
    private Context sendContext;
    /** affiliate-service's consumer group (its application name unless configured otherwise). */
    private String group;

    public static void main(String[] args) {
        PipelineBenchmark benchmark = new PipelineBenchmark();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (!benchmark.settings.containsKey(pair[0]) || pair.length != 2) {
                System.err.println("unknown setting " + arg + "; settings and defaults: " + benchmark.settings);
                System.exit(2);
            }
            benchmark.settings.put(pair[0], pair[1]);
        }
        int status = 1;
        try {
            benchmark.run();
            status = 0;
        } catch (Exception failure) {
            failure.printStackTrace();
        } finally {
            // Stops the system (shutdown hooks) and the HTTP client's threads.
            System.exit(status);
        }
    }

    private int setting(String name) {
        return Integer.parseInt(settings.get(name));
    }

    private void run() throws Exception {
        Path root = ProjectRoot.path();
        log("Starting the system (PostgreSQL, Kafka, the services, the gateway; logs: end-to-end-tests/target/e2e-logs)");
        long starting = System.nanoTime();
        system = SystemUnderTest.shared();
        log(String.format(Locale.ROOT, "System ready in %.1f s", (System.nanoTime() - starting) / 1e9));
        List<Integer> rates = Arrays.stream(settings.get("rates").split(",")).map(String::strip)
                .map(Integer::parseInt).toList();
        int devices = setting("devices");
        long fillsInAll = rates.stream().mapToLong(rate -> (long) rate
                * (setting("warmup-seconds") + setting("seconds"))).sum();
        int signalsPerDevice = (int) (fillsInAll / 2 / devices) + 2;
        seedExecutions(devices, signalsPerDevice);
        seedReferralTrees(devices);
        byte[] masterKey = HexFormat.of().parseHex(
                Files.readString(root.resolve("dev/keys/dev-only-device-master-key.hex")).strip());
        signers = new ArrayList<>();
        for (int device = 0; device < devices; device++) {
            DeviceKeyId kid = new DeviceKeyId(uuidOf("device-" + device), 1);
            signers.add(new DeviceRequestSigner(kid, DeviceSecrets.derive(masterKey, kid), Clock.systemUTC()));
        }
        nextFill = new long[devices];
        // As FillBenchmark: one event loop, one connection per device at most; requests beyond wait in its queue.
        Vertx vertx = Vertx.vertx();
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(system.executionService.port()), new PoolOptions().setHttp1MaxSize(devices));
        // Requests start on the client's event loop: started from another thread, a response could end before the
        // handler reading its body was attached (seen as 200 with an empty body, 19-41 per run, 2026-12-01).
        sendContext = vertx.getOrCreateContext();
        report.append("# Fill-to-commission pipeline, ").append(Instant.now()).append("\n\nMachine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; PostgreSQL, Kafka, the three services")
                .append(" (device-service twice, as the end-to-end tests run them), the gateway and this generator on")
                .append(" the same machine. Settings: ").append(settings).append("\n\n").append(devices)
                .append(" traders, each with one device, under ").append(setting("tops") * setting("middles-per-top"))
                .append(" affiliates under ").append(setting("tops")).append(" top affiliates: every fill accrues")
                .append(" 2 commissions. Fills go straight to execution-service (the gateway's per-client limit would")
                .append(" refuse one client at these rates).\n");
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.kafkaBootstrapServers()))) {
            for (int phase = 0; phase < rates.size(); phase++) {
                phase(root, kafka, phase, rates.get(phase));
            }
        }
        Path results = root.resolve("end-to-end-tests/bench/results/pipeline.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, report.toString());
        System.out.println(report);
        log("Written to " + results + " and " + summary.write());
    }

    // ---- one rate ---------------------------------------------------------------------------------------------------

    private record Sample(double second, long lag, long accepted, long visible, long commissions) {
    }

    private void phase(Path root, Admin kafka, int phase, int rate) throws Exception {
        int warmup = setting("warmup-seconds");
        int seconds = setting("seconds");
        long first = nextIndex;
        long firstMeasured = first + (long) rate * warmup;
        long end = firstMeasured + (long) rate * seconds;
        nextIndex = end;
        int count = (int) (end - first);
        long[] dueNanos = new long[count];
        long[] answeredAt = new long[count];
        Arrays.fill(answeredAt, -1);
        Map<String, Long> visibleAt = new ConcurrentHashMap<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong notSent = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        CountDownLatch answered = new CountDownLatch(count);
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        log("Phase " + rate + " fills/s: " + warmup + " s warm-up, then " + seconds + " s measured");

        try (Connection affiliates = DriverManager.getConnection(system.postgres().jdbcUrl(system.affiliateDatabase),
                system.postgres().user(), system.postgres().password())) {
            ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
            Poller poller = new Poller(affiliates, tradePrefix(phase), visibleAt);
            timers.scheduleWithFixedDelay(poller, 0, setting("poll-millis"), TimeUnit.MILLISECONDS);
            long start = System.nanoTime() + 50_000_000L;
            try (Connection sampling = DriverManager.getConnection(system.postgres().jdbcUrl(system.affiliateDatabase),
                    system.postgres().user(), system.postgres().password());
                    Statement counting = sampling.createStatement()) {
                timers.scheduleAtFixedRate(() -> {
                    try {
                        samples.add(new Sample((System.nanoTime() - start) / 1e9 - warmup, consumerLag(kafka),
                                accepted.get(), visibleAt.size(), count(counting, "select count(*) from commissions")));
                    } catch (Exception e) {
                        log("lag sample failed: " + e);
                    }
                }, 50, 1000, TimeUnit.MILLISECONDS);

                ExecutorService sender = Executors.newSingleThreadExecutor();
                int maxInFlight = setting("max-in-flight");
                var sending = sender.submit(() -> {
                    for (int i = 0; i < count; i++) {
                        long due = start + (long) (i * 1e9 / rate);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        dueNanos[i] = due;
                        if (inFlight.get() >= maxInFlight) {
                            notSent.incrementAndGet();
                            answered.countDown();
                            continue;
                        }
                        inFlight.incrementAndGet();
                        int index = i;
                        sendContext.runOnContext(started -> sendFill(phase, first + index).onComplete(answer -> {
                            long now = System.nanoTime();
                            inFlight.decrementAndGet();
                            if (answer.succeeded() && answer.result().startsWith("200 ")
                                    && answer.result().contains("\"FILL_APPLIED\"")) {
                                answeredAt[index] = now;
                                accepted.incrementAndGet();
                            } else if (other.incrementAndGet() <= 5) {
                                log("Unexpected answer: " + (answer.failed() ? answer.cause() : answer.result()));
                            }
                            answered.countDown();
                        }));
                    }
                    return null;
                });
                if (!answered.await(warmup + seconds + 120L, TimeUnit.SECONDS)) {
                    sending.get(1, TimeUnit.SECONDS);
                    throw new IllegalStateException(answered.getCount() + " fills unanswered 2 minutes after the end");
                }
                sender.shutdown();
                log("Sent and answered; draining (at most " + setting("drain-seconds") + " s)");
                long measuredAccepted = countAccepted(answeredAt, (int) (firstMeasured - first), count);
                long drainStart = System.nanoTime();
                long drainDeadline = drainStart + TimeUnit.SECONDS.toNanos(setting("drain-seconds"));
                while (System.nanoTime() < drainDeadline && visibleAt.size() < accepted.get()) {
                    TimeUnit.MILLISECONDS.sleep(100);
                }
                double drained = (System.nanoTime() - drainStart) / 1e9;
                timers.shutdownNow();
                timers.awaitTermination(10, TimeUnit.SECONDS);
                summarize(root, phase, rate, first, firstMeasured, answeredAt, dueNanos, visibleAt, measuredAccepted,
                        other.get(), notSent.get(), samples, drained, visibleAt.size(),
                        accepted.get());
            }
        }
    }

    /** Commissions become visible: level-2 rows of the top affiliates (one per fill), read by their creation time. */
    private final class Poller implements Runnable {

        private final PreparedStatement query;
        private final String tradePrefix;
        private final Map<String, Long> visibleAt;
        private Timestamp newest = Timestamp.from(Instant.EPOCH);

        Poller(Connection connection, String tradePrefix, Map<String, Long> visibleAt) throws Exception {
            this.query = connection.prepareStatement("select trade_id, created_at from commissions "
                    + "where referrer_id = any(?) and level = 2 and created_at > ? and trade_id like ?");
            query.setArray(1, connection.createArrayOf("uuid", tops.toArray()));
            this.tradePrefix = tradePrefix;
            this.visibleAt = visibleAt;
        }

        @Override
        public void run() {
            try {
                query.setTimestamp(2, Timestamp.from(newest.toInstant().minus(POLL_OVERLAP)));
                query.setString(3, tradePrefix + "%");
                try (ResultSet rows = query.executeQuery()) {
                    long now = System.nanoTime();
                    while (rows.next()) {
                        visibleAt.putIfAbsent(rows.getString(1), now);
                        Timestamp created = rows.getTimestamp(2);
                        if (created.after(newest)) {
                            newest = created;
                        }
                    }
                }
            } catch (Exception e) {
                log("commission poll failed: " + e);
            }
        }
    }

    private long consumerLag(Admin kafka) throws Exception {
        if (group == null) {
            List<String> groups = kafka.listConsumerGroups().all().get(5, TimeUnit.SECONDS).stream()
                    .map(listing -> listing.groupId()).toList();
            group = groups.contains(AFFILIATE_GROUP) ? AFFILIATE_GROUP
                    : groups.stream().filter(id -> id.contains("affiliate")).findFirst().orElse(AFFILIATE_GROUP);
            log("consumer groups " + groups + "; measuring the lag of " + group);
        }
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Set<TopicPartition> partitions = kafka.describeTopics(List.of(Topics.EXECUTIONS)).allTopicNames()
                .get(5, TimeUnit.SECONDS).get(Topics.EXECUTIONS).partitions().stream()
                .map(partition -> new TopicPartition(Topics.EXECUTIONS, partition.partition()))
                .collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        var ends = kafka.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            lag += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    /** Trade ids name their phase, so that each phase's poller reads only its own fills. */
    private static String tradeId(int phase, long index) {
        return tradePrefix(phase) + index;
    }

    private static String tradePrefix(int phase) {
        return "p" + phase + "-";
    }

    /** Sends one signed fill; completes with its answer's status and body ("200 {...}"). */
    private Future<String> sendFill(int phase, long index) {
        int device = (int) (index % signers.size());
        long fill = nextFill[device]++;
        String trade = tradeId(phase, index);
        String body = "{\"report_id\":\"" + trade + "\",\"signal_id\":\"" + signalIds[device][(int) (fill / 2)]
                + "\",\"trade_id\":\"" + trade + "\",\"price\":\"1.1000" + (fill % 10)
                + "\",\"size\":\"0.5\",\"filled_at\":\"" + Instant.now() + "\"}";
        String authorization = signers.get(device).authorization("POST", FILL_PATH, "", body);
        return http.request(HttpMethod.POST, FILL_PATH)
                .compose(request -> request.putHeader("Content-Type", "application/json")
                        .putHeader("Authorization", authorization).send(body))
                .compose(response -> response.body().map(answer -> response.statusCode() + " " + answer));
    }

    private static long countAccepted(long[] answeredAt, int from, int to) {
        long accepted = 0;
        for (int i = from; i < to; i++) {
            if (answeredAt[i] >= 0) {
                accepted++;
            }
        }
        return accepted;
    }

    // ---- results ----------------------------------------------------------------------------------------------------

    private void summarize(Path root, int phase, int rate, long first, long firstMeasured, long[] answeredAt, long[] dueNanos,
            Map<String, Long> visibleAt, long accepted, long other, long notSent, List<Sample> samples, double drained,
            long visibleInAll, long acceptedInAll) throws Exception {
        int seconds = setting("seconds");
        int from = (int) (firstMeasured - first);
        List<Long> answerMicros = new ArrayList<>();
        List<Long> visibleMicros = new ArrayList<>();
        long invisible = 0;
        for (int i = from; i < answeredAt.length; i++) {
            if (answeredAt[i] < 0) {
                continue;
            }
            answerMicros.add((answeredAt[i] - dueNanos[i]) / 1000);
            Long seen = visibleAt.get(tradeId(phase, first + i));
            if (seen == null) {
                invisible++;
                visibleMicros.add(Long.MAX_VALUE);
            } else {
                visibleMicros.add(Math.max(0, seen - answeredAt[i]) / 1000);
            }
        }
        answerMicros.sort(null);
        visibleMicros.sort(null);
        List<Sample> measured = samples.stream().filter(sample -> sample.second() >= 0 && sample.second() <= seconds)
                .toList();
        long maxLag = measured.stream().mapToLong(Sample::lag).max().orElse(-1);
        long lagAtEnd = measured.isEmpty() ? -1 : measured.get(measured.size() - 1).lag();
        int third = Math.max(1, measured.size() / 3);
        long firstThird = measured.stream().limit(third).mapToLong(Sample::lag).max().orElse(0);
        long lastThird = measured.stream().skip(measured.size() - third).mapToLong(Sample::lag).max().orElse(0);
        // Committed offsets move in steps (the consumer commits every few seconds): bounded means the lag's peaks do
        // not grow over the run by more than one second of fills.
        // Lag alone can look bounded while fills wait upstream (execution-service's outbox): the fills answered but
        // whose commissions are not visible yet are held to the same rule.
        long backlogFirst = measured.stream().limit(third).mapToLong(sample -> sample.accepted() - sample.visible())
                .max().orElse(0);
        long backlogLast = measured.stream().skip(measured.size() - third)
                .mapToLong(sample -> sample.accepted() - sample.visible()).max().orElse(0);
        boolean lagBounded = !measured.isEmpty() && lastThird <= firstThird + rate;
        boolean bounded = lagBounded && backlogLast <= backlogFirst + rate;
        double slope = slope(measured);
        double commissionsPerSecond = measured.size() < 2 ? 0 : (measured.get(measured.size() - 1).commissions()
                - measured.get(0).commissions()) / (measured.get(measured.size() - 1).second() - measured.get(0).second());
        double acceptedPerSecond = accepted / (double) seconds;
        double answerP99 = at(answerMicros, 0.99);
        double visibleP50 = at(visibleMicros, 0.50);
        double visibleP99 = at(visibleMicros, 0.99);
        int targetMillis = rate <= 200 ? 200 : 500;

        report.append("\n## ").append(rate).append(" fills/s offered\n\n| measure | value |\n| --- | --- |\n");
        row("fills offered (open loop, fixed rate, measured window)", (long) rate * seconds + " in " + seconds + " s");
        row("fills accepted (200 FILL_APPLIED)", String.format(Locale.ROOT, "%d = %.0f fills/s", accepted,
                acceptedPerSecond));
        row("other answers / not sent (more than max-in-flight waiting), whole phase", other + " / " + notSent);
        row("fill answer latency from scheduled send, p50 / p99 / max (ms)", String.format(Locale.ROOT,
                "%.1f / %.1f / %.1f", at(answerMicros, 0.5), answerP99, at(answerMicros, 1.0)));
        row("fill answered → commissions visible, p50 / p90 / p99 / max (ms; polled every " + setting("poll-millis")
                + " ms)", String.format(Locale.ROOT, "%s / %s / %s / %s", millis(visibleP50),
                millis(at(visibleMicros, 0.9)), millis(visibleP99), millis(at(visibleMicros, 1.0))));
        row("measured fills whose commissions were not visible after the drain", Long.toString(invisible));
        row("commissions accrued per second while measured", String.format(Locale.ROOT, "%.0f", commissionsPerSecond));
        row("consumer lag on " + Topics.EXECUTIONS + " (group " + group + ", committed offsets), max / at "
                + "the end of the window", maxLag + " / " + lagAtEnd);
        row("lag peaks, first / last third of the window; trend (records/s, least squares)", String.format(Locale.ROOT,
                "%d / %d; %+.1f → %s", firstThird, lastThird, slope, lagBounded ? "bounded" : "growing"));
        row("fills answered, commissions not visible yet: peaks, first / last third of the window",
                backlogFirst + " / " + backlogLast + (bounded ? " → bounded" : " → growing"));
        row("drain after the last answer until every accepted fill's commissions were visible",
                String.format(Locale.ROOT, "%.1f s (%d of %d visible)", drained, visibleInAll, acceptedInAll));
        Path timeline = root.resolve("target/bench/pipeline-" + rate + "-timeline.tsv");
        Files.createDirectories(timeline.getParent());
        Files.writeString(timeline, "second\tconsumer_lag\tfills_accepted\tfills_visible\tcommissions\n"
                + samples.stream().map(sample -> String.format(Locale.ROOT, "%.1f\t%d\t%d\t%d\t%d", sample.second(),
                        sample.lag(), sample.accepted(), sample.visible(), sample.commissions()))
                        .collect(Collectors.joining("\n")) + "\n");
        report.append("\nLag each second (negative seconds: warm-up; fills visible counts this phase's): `")
                .append(root.relativize(timeline)).append("`.\n\nLag by 5 s: ").append(measured.stream()
                        .filter(sample -> Math.round(sample.second()) % 5 == 0)
                        .map(sample -> Long.toString(sample.lag())).collect(Collectors.joining(", "))).append("\n");

        String name = "pipeline " + rate + " fills/s";
        summary.add(name + ": fills accepted/s", String.format(Locale.ROOT, "%.0f", acceptedPerSecond),
                Integer.toString(rate), acceptedPerSecond >= rate * 0.99);
        summary.add(name + ": fill answer p99 (ms)", String.format(Locale.ROOT, "%.1f", answerP99));
        summary.add(name + ": fill → commission visible p50 / p99 (ms)", millis(visibleP50) + " / " + millis(visibleP99),
                "p99 ≤ " + targetMillis, visibleP99 <= targetMillis);
        summary.add(name + ": commissions/s", String.format(Locale.ROOT, "%.0f", commissionsPerSecond),
                Integer.toString(2 * rate), commissionsPerSecond >= 2 * rate * 0.95);
        summary.add(name + ": consumer lag max / end / trend (records/s)", String.format(Locale.ROOT, "%d / %d / %+.1f",
                maxLag, lagAtEnd, slope), "bounded", lagBounded);
        summary.add(name + ": fills answered but commissions not visible, peak first / last third",
                backlogFirst + " / " + backlogLast, "bounded", bounded);
        log(String.format(Locale.ROOT, "%d fills/s: accepted %.0f/s, answer p99 %.1f ms, visible p50 %s p99 %s ms,"
                + " %.0f commissions/s, lag max %d end %d (%s)", rate, acceptedPerSecond, answerP99, millis(visibleP50),
                millis(visibleP99), commissionsPerSecond, maxLag, lagAtEnd, bounded ? "bounded" : "growing"));
    }

    private void row(String measure, String value) {
        report.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    }

    /** Milliseconds from microseconds; a fill never seen is shown as "∞". */
    private static String millis(double value) {
        return Double.isInfinite(value) ? "∞" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double at(List<Long> sortedMicros, double quantile) {
        if (sortedMicros.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        long value = sortedMicros.get((int) Math.min(sortedMicros.size() - 1,
                Math.max(0, Math.ceil(quantile * sortedMicros.size()) - 1)));
        return value == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : value / 1000.0;
    }

    private static double slope(List<Sample> samples) {
        if (samples.size() < 2) {
            return 0;
        }
        double meanX = samples.stream().mapToDouble(Sample::second).average().orElse(0);
        double meanY = samples.stream().mapToDouble(Sample::lag).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Sample sample : samples) {
            covariance += (sample.second() - meanX) * (sample.lag() - meanY);
            variance += (sample.second() - meanX) * (sample.second() - meanX);
        }
        return variance == 0 ? 0 : covariance / variance;
    }

    // ---- seeding ----------------------------------------------------------------------------------------------------

    /**
     * Devices, signals and PENDING executions straight into execution-service's tables, as its lifecycle and signal
     * consumers would have written them (as FillBenchmark does): trader d is user md5('user-d') with device
     * md5('device-d').
     */
    private void seedExecutions(int devices, int signalsPerDevice) throws Exception {
        log("Seeding " + devices + " devices × " + signalsPerDevice + " signals into execution-service's database");
        try (Connection sql = DriverManager.getConnection(system.postgres().jdbcUrl(system.executionDatabase),
                system.postgres().user(), system.postgres().password()); Statement statement = sql.createStatement()) {
            statement.execute("insert into known_devices (device_id, user_id, is_active, key_version, updated_at) "
                    + "select md5('device-' || d)::uuid, md5('user-' || d)::uuid, true, 1, now() "
                    + "from generate_series(0, " + (devices - 1) + ") d");
            String each = "from generate_series(0, " + (devices - 1) + ") d, generate_series(0, "
                    + (signalsPerDevice - 1) + ") s";
            statement.execute("insert into signals (signal_id, user_id, instrument, side, size, price, issued_at, "
                    + "expires_at, received_at) select md5('signal-' || d || '-' || s)::uuid, md5('user-' || d)::uuid, "
                    + "'EURUSD', 'BUY', 1, 1.1, now(), now() + interval '1 day', now() " + each);
            statement.execute("insert into executions (execution_id, signal_id, device_id, user_id, state, created_at, "
                    + "updated_at) select md5('execution-' || d || '-' || s)::uuid, md5('signal-' || d || '-' || s)::uuid, "
                    + "md5('device-' || d)::uuid, md5('user-' || d)::uuid, 'PENDING', now(), now() " + each);
            statement.execute("vacuum analyze");
        }
        signalIds = new String[devices][signalsPerDevice];
        for (int device = 0; device < devices; device++) {
            for (int signal = 0; signal < signalsPerDevice; signal++) {
                signalIds[device][signal] = uuidOf("signal-" + device + "-" + signal).toString();
            }
        }
    }

    /** The referral trees, through the gateway as users build them: top affiliates, affiliates, then the traders. */
    private void seedReferralTrees(int devices) {
        int topCount = setting("tops");
        int middles = topCount * setting("middles-per-top");
        log("Building the referral trees through the API: " + topCount + " top affiliates, " + middles
                + " affiliates, " + devices + " traders");
        tops = new ArrayList<>();
        List<String> middleTokens = new ArrayList<>();
        List<String> topTokens = new ArrayList<>();
        for (int top = 0; top < topCount; top++) {
            User user = new User(UUID.randomUUID(), null, system.gateway);
            user = new User(user.id(), TestTokens.user(user.id()), system.gateway);
            tops.add(user.id());
            topTokens.add(registerAffiliate(user));
        }
        for (int middle = 0; middle < middles; middle++) {
            UUID id = UUID.randomUUID();
            User user = new User(id, TestTokens.user(id), system.gateway);
            claim(user, topTokens.get(middle % topCount));
            middleTokens.add(registerAffiliate(user));
        }
        for (int trader = 0; trader < devices; trader++) {
            UUID id = uuidOf("user-" + trader);
            claim(new User(id, TestTokens.user(id), system.gateway), middleTokens.get(trader % middles));
        }
    }

    private static String registerAffiliate(User user) {
        return user.api().post("/api/v1/affiliates/register").then()
                .statusCode(either(equalTo(200)).or(equalTo(201))).extract().path("referral_token");
    }

    private static void claim(User user, String token) {
        user.api().body(Map.of("token", token)).post("/api/v1/affiliates/referrals").then().statusCode(201);
    }

    private static long count(Statement statement, String query) throws Exception {
        try (ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static UUID uuidOf(String text) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void log(String message) {
        System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + message);
    }
}
