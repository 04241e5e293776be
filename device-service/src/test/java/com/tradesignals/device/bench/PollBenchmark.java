package com.tradesignals.device.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.EventType;
import com.tradesignals.contracts.events.Side;
import com.tradesignals.contracts.events.signals.OrderType;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceRequestSigner;
import com.tradesignals.testsupport.KafkaBroker;
import com.tradesignals.testsupport.PostgresServer;
import com.tradesignals.testsupport.ProcessCpu;
import com.tradesignals.testsupport.ProjectRoot;
import com.tradesignals.testsupport.ServiceProcess;
import com.tradesignals.testsupport.TestKafka;
import com.tradesignals.testsupport.TestTokens;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoublePredicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load generator for device long polling (run it with {@code device-service/bench/run}; see
 * docs/device-service.md). Starts its own PostgreSQL and Kafka, runs the packaged service as a separate process,
 * registers devices through the API, parks one signed long poll per device, publishes signals to signals.v1 and
 * measures publish → device latency; then measures the idle short-poll rate next to a bare endpoint's.
 * HTTP goes through one Vert.x event loop (one connection per device), so the generator's own CPU stays small
 * next to the service's on a shared machine. Every answer is checked; every loop is bounded in count and time;
 * everything it sends goes to 127.0.0.1.
 */
public final class PollBenchmark {

    private static final String SERVICE = "device-service";
    private static final String POLL = "/api/v1/devices/poll";
    private static final String BARE = "/api/v1/devices/time";
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1));
    private final Context loop = vertx.getOrCreateContext();
    private HttpClient http;
    private final Map<UUID, Published> published = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong pollErrors = new AtomicLong();
    private final AtomicLong unexpectedDeliveries = new AtomicLong();
    private final Map<String, String> results = new LinkedHashMap<>();
    private PostgresServer postgres;
    private ServiceProcess service;
    private Path jvmLog;

    private PollBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        PollBenchmark benchmark = new PollBenchmark(settings);
        try {
            benchmark.run();
        } finally {
            benchmark.stopService();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Path repository = ProjectRoot.path();
        log("Starting PostgreSQL and Kafka (throwaway, removed at exit)");
        postgres = PostgresServer.shared();
        KafkaBroker kafka = KafkaBroker.shared();
        if (settings.topicsFirst) {
            createSignalsTopic(kafka);
        }
        startService(repository, kafka);

        long started = System.nanoTime();
        List<SimulatedDevice> devices = register(settings.devices);
        results.put("devices registered through the API", settings.devices + " in " + seconds(started) + " s");

        try (KafkaProducer<String, String> producer = producer(kafka)) {
            measureSignalLatency(devices, producer);
        }
        measureRates(devices);
        report(repository);
    }

    // ---- service process --------------------------------------------------------------------------------------

    /**
     * As in production (KafkaTopic resources) the topic exists before the service subscribes. Otherwise the first
     * signal creates it, and the consumer finds it only at a later metadata refresh and rebalance.
     */
    private static void createSignalsTopic(KafkaBroker kafka) throws Exception {
        log("Creating " + Topics.SIGNALS + " before the service starts (3 partitions)");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.SIGNALS, 3, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    private void startService(Path repository, KafkaBroker kafka) throws Exception {
        jvmLog = repository.resolve("device-service/target/bench-service-jvm.log");
        Path log = repository.resolve("device-service/target/bench-service.log");
        log("Starting device-service (log: " + log + ", JVM log: " + jvmLog + ")");
        service = ServiceProcess.start(SERVICE, postgres, postgres.database(), kafka.bootstrapServers(),
                Stream.concat(Stream.of("-Xms" + settings.serviceHeap, "-Xmx" + settings.serviceHeap,
                                "-Xlog:gc,safepoint:file=" + jvmLog, "-Dquarkus.log.category.\"org.apache.kafka\".level=WARN"),
                        Arrays.stream(settings.serviceJvmOptions.split(" "))).toList(),
                Map.of(), log);
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                        .setDefaultPort(service.port()).setKeepAlive(true).setKeepAliveTimeout(120)
                        .setConnectTimeout((int) Duration.ofSeconds(30).toMillis()),
                new PoolOptions().setHttp1MaxSize(settings.devices + settings.clients + 8).setMaxWaitQueueSize(-1));
        log("device-service ready on " + service.baseUrl());
    }

    private void stopService() {
        if (service != null) {
            service.stop();
        }
        vertx.close();
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------

    /** A complete answer; {@code receivedAtNanos} is taken when its last byte arrived, before anything is parsed. */
    private record Answer(int status, String body, long receivedAtNanos) {
    }

    private CompletableFuture<Answer> send(HttpMethod method, String uri, Map<String, String> headers, String body) {
        RequestOptions options = new RequestOptions().setMethod(method).setURI(uri)
                .setIdleTimeout(HTTP_TIMEOUT.toMillis());
        headers.forEach(options::putHeader);
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        // Started on the event loop: begun from another thread, a response's body can arrive before its handler
        // is set and be lost (a 201 with an empty body was seen during registration).
        loop.runOnContext(ignored -> http.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(
                        content -> new Answer(response.statusCode(), content.toString(StandardCharsets.UTF_8),
                                System.nanoTime())))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        answer.complete(result.result());
                    } else {
                        answer.completeExceptionally(result.cause());
                    }
                }));
        return answer;
    }

    // ---- devices ----------------------------------------------------------------------------------------------

    private List<SimulatedDevice> register(int count) throws Exception {
        log("Registering " + count + " devices (one user each) through POST /api/v1/devices/register");
        List<SimulatedDevice> devices = Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<Void>> registrations = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            UUID user = UUID.randomUUID();
            inFlight.acquire();
            registrations.add(send(HttpMethod.POST, "/api/v1/devices/register",
                    Map.of("Authorization", "Bearer " + TestTokens.user(user), "Content-Type", "application/json"),
                    "{\"name\":\"bench terminal\"}")
                    .thenAccept(answer -> {
                        JsonNode body = answer.status() == 201 ? read(answer.body()) : null;
                        if (body == null || !body.hasNonNull("kid") || !body.hasNonNull("secret")) {
                            throw new IllegalStateException("registration answered " + answer.status() + ": "
                                    + answer.body());
                        }
                        devices.add(new SimulatedDevice(user, new DeviceRequestSigner(
                                DeviceKeyId.parse(body.get("kid").asText()), body.get("secret").asText())));
                    })
                    .whenComplete((ignored, failure) -> inFlight.release()));
        }
        CompletableFuture.allOf(registrations.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        return new ArrayList<>(devices);
    }

    private final class SimulatedDevice {
        final UUID userId;
        final DeviceRequestSigner signer;
        volatile long cursor;

        SimulatedDevice(UUID userId, DeviceRequestSigner signer) {
            this.userId = userId;
            this.signer = signer;
        }

        CompletableFuture<Answer> poll(int waitSeconds) {
            String query = "after=" + cursor + "&wait=" + waitSeconds;
            return send(HttpMethod.GET, POLL + "?" + query,
                    Map.of("Authorization", signer.authorization("GET", POLL, query, "")), null);
        }

        /** Polls, checks and records what arrived, polls again: until {@code running} turns false. */
        void longPoll(AtomicBoolean running) {
            // Spread over the last 5 s of the cap, as real devices' timeouts are: no synchronised re-poll bursts.
            int wait = settings.waitSeconds - ThreadLocalRandom.current().nextInt(Math.min(6, settings.waitSeconds));
            poll(wait).whenComplete((answer, failure) -> {
                try {
                    if (failure != null || answer.status() != 200) {
                        pollErrors.incrementAndGet();
                    } else {
                        accept(answer);
                    }
                } catch (RuntimeException unreadable) {
                    pollErrors.incrementAndGet();
                } finally {
                    if (running.get()) {
                        longPoll(running);
                    }
                }
            });
        }

        /**
         * Every delivery must be a signal published to this device's user, after the cursor, not seen before;
         * anything else counts as unexpected.
         */
        private void accept(Answer answer) {
            Instant receivedAt = Instant.now();
            JsonNode deliveries = read(answer.body()).get("deliveries");
            if (deliveries == null || !deliveries.isArray()) {
                pollErrors.incrementAndGet();
                return;
            }
            for (JsonNode delivery : deliveries) {
                UUID signalId = UUID.fromString(delivery.get("signal_id").asText());
                long sequence = delivery.get("sequence").asLong();
                Published signal = published.remove(signalId);
                if (signal == null || signal.device() != this || sequence <= cursor) {
                    unexpectedDeliveries.incrementAndGet();
                } else {
                    received.add(new Received(signalId, answer.receivedAtNanos() - signal.atNanos(), signal.at(),
                            receivedAt));
                }
                cursor = Math.max(cursor, sequence);
            }
        }
    }

    /** A signal sent to Kafka: to which device, when (monotonic, for the latency; wall clock, for the split). */
    private record Published(SimulatedDevice device, long atNanos, Instant at) {
    }

    private record Received(UUID signalId, long latencyNanos, Instant publishedAt, Instant receivedAt) {
    }

    // ---- signal latency ---------------------------------------------------------------------------------------

    private void measureSignalLatency(List<SimulatedDevice> devices, KafkaProducer<String, String> producer)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        // Real terminals poll out of step: the first polls start spread over the wait, so the polls that end
        // empty at their wait come back evenly (devices / wait per second) rather than in one burst.
        int spreadSeconds = Math.max(1, settings.waitSeconds - 5);
        log("Parking " + devices.size() + " long polls (wait=" + settings.waitSeconds + " s), starting them over "
                + spreadSeconds + " s");
        ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor();
        devices.forEach(device -> starter.schedule(() -> device.longPoll(running),
                ThreadLocalRandom.current().nextLong(TimeUnit.SECONDS.toMillis(spreadSeconds)), TimeUnit.MILLISECONDS));
        double parked = mostParked(devices.size(), Duration.ofSeconds(spreadSeconds + 60L));
        starter.shutdown();
        results.put("long polls parked at once (device_polls_parked)", String.format("%.0f", parked));

        List<SimulatedDevice> shuffled = new ArrayList<>(devices);
        Collections.shuffle(shuffled);
        log("First signal since the service started, alone");
        int next = publish(producer, shuffled, 0, 1, 1);
        awaitDelivered(Duration.ofSeconds(60));
        results.put("first signal since the service started → device (alone, before any warm-up)",
                received.isEmpty() ? "not received in 60 s" : millis(received.get(0).latencyNanos()) + " ms");
        if (!received.isEmpty()) {
            results.putAll(split(received, " for the first signal"));
        }
        received.clear();
        published.clear();
        log("Warm-up: " + settings.warmupSignals + " signals");
        next = publish(producer, shuffled, next, settings.warmupSignals, settings.signalsPerSecond.get(0));
        awaitDelivered(Duration.ofSeconds(60));
        received.clear();
        published.clear();

        for (int rate : settings.signalsPerSecond) {
            int count = rate * settings.phaseSeconds;
            log("Publishing " + count + " signals at " + rate + "/s, each to one parked device");
            ProcessCpu.Sample cpuBefore = ProcessCpu.sample(SERVICE);
            Safepoints stopsBefore = Safepoints.at(jvmLog);
            next = publish(producer, shuffled, next, count, rate);
            awaitDelivered(Duration.ofSeconds(60));
            ProcessCpu.Sample cpuAfter = ProcessCpu.sample(SERVICE);
            String stops = stopsBefore.since();
            List<Received> phase = new ArrayList<>(received);
            received.clear();
            long[] sorted = phase.stream().mapToLong(Received::latencyNanos).sorted().toArray();
            String at = " at " + rate + " signals/s";
            results.put("signal → device latency p50 / p95 / p99 / max" + at + " (" + count + " signals, "
                    + sorted.length + " received, " + published.size() + " lost)",
                    millis(percentile(sorted, 0.50)) + " / " + millis(percentile(sorted, 0.95)) + " / "
                            + millis(percentile(sorted, 0.99)) + " / "
                            + millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]) + " ms");
            results.putAll(split(phase, at));
            results.put("CPU over the phase, in cores" + at, cpuAfter.since(cpuBefore));
            results.put("service JVM stops (safepoints: collector pauses and other VM operations)" + at, stops);
            published.clear();
        }
        Map<String, String> metrics = scrapeMetrics();
        results.put("server wake latency p50 / p95 / p99 (device_poll_wake_latency, incl. warm-up)",
                serverQuantile(metrics, "0.5") + " / " + serverQuantile(metrics, "0.95") + " / "
                        + serverQuantile(metrics, "0.99") + " ms");

        running.set(false);
        log("Releasing the long polls (they end at their wait)");
        awaitGauge("device_polls_parked", value -> value == 0, Duration.ofSeconds(settings.waitSeconds + 30L));
        results.put("poll errors during the latency phase", Long.toString(pollErrors.getAndSet(0)));
        results.put("unexpected deliveries (another device's, repeated or behind the cursor)",
                Long.toString(unexpectedDeliveries.get()));
    }

    /**
     * Splits each latency at the moment the service fanned the signal out ({@code signals.received_at}, the
     * service's clock, the same machine's): before it, Kafka and the consumer up to the fan-out statement;
     * after it, the fan-out's commit, the notification, the re-read, the response and its receipt here.
     */
    private Map<String, String> split(List<Received> phase, String at) throws Exception {
        Map<UUID, Instant> fannedOutAt = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                PreparedStatement query = connection.prepareStatement(
                        "select signal_id, received_at from signals where signal_id = any(?)")) {
            Array ids = connection.createArrayOf("uuid", phase.stream().map(Received::signalId).toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    fannedOutAt.put(rows.getObject(1, UUID.class), rows.getObject(2, java.time.OffsetDateTime.class)
                            .toInstant());
                }
            }
        }
        long[] toFanOut = phase.stream().mapToLong(signal -> micros(signal.publishedAt(),
                fannedOutAt.get(signal.signalId()))).sorted().toArray();
        long[] toDevice = phase.stream().mapToLong(signal -> micros(fannedOutAt.get(signal.signalId()),
                signal.receivedAt())).sorted().toArray();
        Map<String, String> split = new LinkedHashMap<>();
        split.put("  of which publish → fan-out statement (Kafka, consumer) p50 / p99" + at,
                millis(1000 * percentile(toFanOut, 0.50)) + " / " + millis(1000 * percentile(toFanOut, 0.99)) + " ms");
        split.put("  of which fan-out statement → device (commit, NOTIFY, re-read, response) p50 / p99" + at,
                millis(1000 * percentile(toDevice, 0.50)) + " / " + millis(1000 * percentile(toDevice, 0.99)) + " ms");
        return split;
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1000;
    }

    /** Publishes {@code count} signals at {@code rate}, to the devices from {@code first} on; answers where it stopped. */
    private int publish(KafkaProducer<String, String> producer, List<SimulatedDevice> devices, int first, int count,
            int rate) throws Exception {
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        for (int index = first; index < first + count; index++) {
            SimulatedDevice target = devices.get(index % devices.size());
            while (System.nanoTime() < next) {
                TimeUnit.MICROSECONDS.sleep(200);
            }
            next += intervalNanos;
            SignalIssued signal = signalTo(target.userId);
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SIGNALS, target.userId.toString(),
                    json.writeValueAsString(signal));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_type", EventType.SIGNAL_ISSUED.type());
            header(record, "ce_source", TestKafka.producerOf(Topics.SIGNALS));
            header(record, "content-type", "application/json");
            published.put(signal.signalId(), new Published(target, System.nanoTime(), Instant.now()));
            producer.send(record);
        }
        producer.flush();
        return first + count;
    }

    private static SignalIssued signalTo(UUID userId) {
        Instant now = Instant.now();
        return new SignalIssued(UUID.randomUUID(), userId, "EURUSD", Side.BUY, OrderType.MARKET,
                new BigDecimal("0.10"), new BigDecimal("1.08350"), null, null, now, now.plusSeconds(300));
    }

    private void awaitDelivered(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!published.isEmpty() && Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private KafkaProducer<String, String> producer(KafkaBroker kafka) throws Exception {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
        producer.partitionsFor(Topics.SIGNALS);
        // Records of the same shape to a topic no service reads: the first signal measured then pays for no first
        // use of this generator's serializer and producer or of the broker's produce path (a production broker is
        // long warm), only for the service's.
        for (int index = 0; index < 200; index++) {
            producer.send(new ProducerRecord<>("bench.producer-warm-up",
                    json.writeValueAsString(signalTo(UUID.randomUUID()))));
        }
        producer.flush();
        return producer;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    // ---- request rates ----------------------------------------------------------------------------------------

    private void measureRates(List<SimulatedDevice> devices) throws Exception {
        List<SimulatedDevice> clients = devices.subList(0, settings.clients);
        log("Idle short polls (wait=0, signed): " + settings.clients + " concurrent devices");
        double pollRate = rate(clients.stream().<Supplier<CompletableFuture<Answer>>>map(
                device -> () -> device.poll(0)).toList());
        log("Bare endpoint GET " + BARE + ": " + settings.clients + " concurrent clients");
        double bareRate = rate(clients.stream().<Supplier<CompletableFuture<Answer>>>map(
                ignored -> () -> send(HttpMethod.GET, BARE, Map.of(), null)).toList());
        String window = settings.rateSeconds + " s after " + settings.warmupSeconds + " s warm-up, " + settings.clients
                + " concurrent clients";
        results.put("idle short polls (signed, wait=0) per second", String.format("%.0f (%s)", pollRate, window));
        results.put("bare endpoint GET " + BARE + " per second", String.format("%.0f (same client, same run)", bareRate));
        results.put("short poll rate / bare rate", String.format("%.0f %%", 100 * pollRate / bareRate));
        results.put("poll errors during the rate phase", Long.toString(pollErrors.get()));
    }

    /** Runs one closed loop per request for warm-up + window; answers completions per second in the window. */
    private double rate(List<Supplier<CompletableFuture<Answer>>> requests) throws Exception {
        AtomicLong completed = new AtomicLong();
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (Supplier<CompletableFuture<Answer>> request : requests) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loops.add(done);
            closedLoop(request, completed, counting, running, done);
        }
        TimeUnit.SECONDS.sleep(settings.warmupSeconds);
        counting.set(true);
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(settings.rateSeconds);
        long count = completed.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
        return count / elapsed;
    }

    private void closedLoop(Supplier<CompletableFuture<Answer>> request,
            AtomicLong completed, AtomicBoolean counting, AtomicBoolean running, CompletableFuture<Void> done) {
        request.get().whenComplete((answer, failure) -> {
            if (failure != null || answer.status() != 200 || answer.body().isEmpty()) {
                pollErrors.incrementAndGet();
            } else if (counting.get()) {
                completed.incrementAndGet();
            }
            if (running.get()) {
                closedLoop(request, completed, counting, running, done);
            } else {
                done.complete(null);
            }
        });
    }

    // ---- metrics and report -----------------------------------------------------------------------------------

    private double awaitGauge(String name, DoublePredicate condition, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        double value = Double.NaN;
        while (Instant.now().isBefore(deadline)) {
            value = Double.parseDouble(scrapeMetrics().getOrDefault(name, "NaN"));
            if (condition.test(value)) {
                return value;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(name + " stayed at " + value + " for " + timeout);
    }

    /**
     * Waits until every device's poll is parked at once, and answers how many were; when the service cannot hold
     * them all at once (re-polls at the end of each wait take too long), the most seen, and the run goes on.
     */
    private double mostParked(int devices, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        double most = 0;
        while (Instant.now().isBefore(deadline) && most < devices) {
            most = Math.max(most, Double.parseDouble(scrapeMetrics().getOrDefault("device_polls_parked", "0")));
            TimeUnit.MILLISECONDS.sleep(250);
        }
        if (most < devices) {
            log("Only " + most + " of " + devices + " polls were parked at once; going on");
        }
        return most;
    }

    private Map<String, String> scrapeMetrics() throws Exception {
        String text = send(HttpMethod.GET, "/q/metrics", Map.of(), null).get(HTTP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .body();
        Map<String, String> metrics = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^([a-zA-Z_:][\\w:]*(?:\\{[^}]*\\})?) (\\S+)").matcher(text);
        while (line.find()) {
            metrics.put(line.group(1).replaceAll("\\{\\}", ""), line.group(2));
        }
        return metrics;
    }

    private static String serverQuantile(Map<String, String> metrics, String quantile) {
        return metrics.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("device_poll_wake_latency_seconds{")
                        && entry.getKey().contains("quantile=\"" + quantile + "\""))
                .map(entry -> String.format("%.1f", Double.parseDouble(entry.getValue()) * 1000))
                .findFirst().orElse("n/a");
    }

    /**
     * Where the service's JVM log ({@code -Xlog:gc,safepoint}) stands: what it appends later covers a phase. Its
     * safepoints are every stop of the application's threads (collector pauses and other VM operations), to the
     * nanosecond, whatever the collector.
     */
    private record Safepoints(Path log, long offset) {

        private static final Pattern SAFEPOINT = Pattern.compile("Safepoint \"(\\w+)\".*Total: (\\d+) ns");

        static Safepoints at(Path log) throws IOException {
            return new Safepoints(log, Files.size(log));
        }

        /** The stops logged since this point: how many, how long in total, the longest. */
        String since() throws IOException {
            String appended;
            try (var channel = Files.newByteChannel(log)) {
                channel.position(offset);
                appended = new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher stop = SAFEPOINT.matcher(appended);
            long count = 0;
            long totalNanos = 0;
            long longestNanos = 0;
            String longest = "none";
            while (stop.find()) {
                long nanos = Long.parseLong(stop.group(2));
                count++;
                totalNanos += nanos;
                if (nanos > longestNanos) {
                    longestNanos = nanos;
                    longest = stop.group(1);
                }
            }
            return String.format("%d stops, %.1f ms in total, longest %.2f ms (%s)", count, totalNanos / 1e6,
                    longestNanos / 1e6, longest);
        }
    }

    private void report(Path repository) throws IOException {
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        StringBuilder table = new StringBuilder();
        table.append("# device-service poll benchmark, ").append(when).append("\n\n");
        table.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("; service, PostgreSQL, Kafka and this load "
                        + "generator (Vert.x HTTP client, one event loop) on the same machine. Settings: ")
                .append(settings).append("\n\n");
        table.append("| measure | result |\n| --- | --- |\n");
        results.forEach((measure, result) -> table.append("| ").append(measure).append(" | ").append(result).append(" |\n"));
        System.out.println();
        System.out.println(table);
        Path directory = repository.resolve("device-service/bench/results");
        Files.createDirectories(directory);
        Path file = directory.resolve("poll-benchmark-" + when + ".md");
        Files.writeString(file, table.toString());
        log("Results written to " + repository.relativize(file));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable response: " + body, e);
        }
    }

    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static String millis(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    private static String seconds(long startedNanos) {
        return String.format("%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static void log(String message) {
        System.out.println("[bench " + DateTimeFormatter.ISO_LOCAL_TIME.withZone(ZoneOffset.UTC).format(Instant.now())
                + "] " + message);
    }


    /** Command-line settings, {@code --name=value}. */
    record Settings(int devices, int phaseSeconds, int warmupSignals, List<Integer> signalsPerSecond, int waitSeconds,
            int clients,
            int rateSeconds, int warmupSeconds, String serviceHeap, String serviceJvmOptions, boolean topicsFirst) {

        static Settings parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            Arrays.stream(args).map(arg -> arg.replaceFirst("^--", "").split("=", 2))
                    .forEach(pair -> given.put(pair[0], pair.length > 1 ? pair[1] : "true"));
            Settings settings = new Settings(integer(given, "devices", 10000), integer(given, "phase-seconds", 20),
                    integer(given, "warmup-signals", 300),
                    Arrays.stream(Optional.ofNullable(given.remove("signals-per-second")).orElse("20,50,100").split(","))
                            .map(Integer::parseInt).toList(),
                    integer(given, "wait", 25), integer(given, "clients", 64), integer(given, "rate-seconds", 10),
                    integer(given, "rate-warmup-seconds", 5), Optional.ofNullable(given.remove("service-heap")).orElse("1g"),
                                        // The collector production runs (src/main/docker/Dockerfile.jvm, GC_CONTAINER_OPTIONS).
                    Optional.ofNullable(given.remove("service-jvm-options")).orElse("-XX:+UseZGC"),
                    Boolean.parseBoolean(Optional.ofNullable(given.remove("topics-first")).orElse("true")));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown settings: " + given.keySet());
            }
            if (settings.clients > settings.devices) {
                throw new IllegalArgumentException("need at least as many devices as short-poll clients");
            }
            return settings;
        }

        private static int integer(Map<String, String> given, String name, int fallback) {
            String value = given.remove(name);
            return value == null ? fallback : Integer.parseInt(value);
        }
    }
}
