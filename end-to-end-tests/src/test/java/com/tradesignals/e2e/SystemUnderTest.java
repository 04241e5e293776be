package com.tradesignals.e2e;

import com.tradesignals.contracts.Topics;
import com.tradesignals.testsupport.KafkaBroker;
import com.tradesignals.testsupport.PostgresServer;
import com.tradesignals.testsupport.ProjectRoot;
import com.tradesignals.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;

/**
 * The whole system as operators run it: PostgreSQL (a database per service), a Kafka broker, the three
 * services as separate processes from their packaged jars (device-service twice, on one database, to show
 * replicas cooperate), and the nginx gateway rendered from gateway/default.conf.template, serving the web console
 * from web-console/target/console. Started once per
 * test JVM, stopped when it exits. Logs: end-to-end-tests/target/e2e-logs/.
 */
final class SystemUnderTest {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    /** The gateway's limit per device in this system: generous for a terminal, easy for a test to exceed. */
    static final int DEVICE_RATE_PER_SECOND = 20;
    static final int DEVICE_BURST = 40;
    private static SystemUnderTest instance;

    private final Path root = ProjectRoot.path();
    private final Path logs = root.resolve("end-to-end-tests/target/e2e-logs");
    private final List<ServiceProcess> services = new ArrayList<>();
    private Process nginx;
    private final String bootstrapServers;
    private final PostgresServer postgres;
    final String gateway;
    /** The second device-service replica, reached directly (the gateway routes to the first). */
    final String deviceServiceReplica;
    /** The processes behind the gateway, for the fault suite to kill and restart (same port, same upstream). */
    final ServiceProcess executionService;
    final ServiceProcess affiliateService;
    /** The device-service replica behind the gateway, and the other one ({@link #deviceServiceReplica}). */
    final ServiceProcess firstDeviceService;
    final ServiceProcess secondDeviceService;
    /** Each service's database on {@link #postgres}, for the fault suite to make unreachable. */
    final String deviceDatabase;
    final String executionDatabase;
    final String affiliateDatabase;
    private final Map<String, String> affiliateSettings;

    private SystemUnderTest() throws IOException {
        Files.createDirectories(logs);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        postgres = PostgresServer.shared();
        bootstrapServers = KafkaBroker.shared().bootstrapServers();
        createTopics();
        String devices = postgres.createDatabase("devices");
        String executions = postgres.createDatabase("executions");
        String affiliates = postgres.createDatabase("affiliates");
        deviceDatabase = devices;
        executionDatabase = executions;
        affiliateDatabase = affiliates;

        ServiceProcess device = startService("device-service", devices, Map.of());
        ServiceProcess deviceReplica = startService("device-service", devices, Map.of());
        ServiceProcess execution = startService("execution-service", executions, Map.of());
        affiliateSettings = Map.of(
                // The story runs in seconds: no holding period, the payout job every second, small payouts allowed.
                "AFFILIATES_HOLDING_PERIOD", "PT0S",
                "AFFILIATES_PAYOUTS_INTERVAL", "1s",
                "AFFILIATES_MINIMUM_PAYOUT", "1.00",
                // No payments API here: the simulated bank, and the dev-only key for payout methods.
                "AFFILIATES_PAYOUTS_PROVIDER", "simulated",
                "AFFILIATES_PAYOUT_METHODS_ENCRYPTION_KEY",
                Files.readString(root.resolve("dev/keys/dev-only-payout-method-key.hex")).strip(),
                "AFFILIATES_PAYOUT_METHODS_ENCRYPTION_KEY_ID", "dev-only-1");
        ServiceProcess affiliate = startService("affiliate-service", affiliates, affiliateSettings);
        int gatewayPort = freePort();
        startGateway(gatewayPort, device.port(), execution.port(), affiliate.port());

        gateway = "http://127.0.0.1:" + gatewayPort;
        deviceServiceReplica = deviceReplica.baseUrl();
        executionService = execution;
        affiliateService = affiliate;
        firstDeviceService = device;
        secondDeviceService = deviceReplica;
        awaitOk(gateway + "/healthz");
    }

    /**
     * As in production (KafkaTopic resources), the topics exist before any service subscribes: a consumer
     * of a topic that is only auto-created later finds it at its next metadata refresh, seconds later.
     */
    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(Stream.of(Topics.SIGNALS, Topics.DEVICES_LIFECYCLE, Topics.EXECUTIONS, Topics.AFFILIATES)
                    .map(topic -> new NewTopic(topic, 3, (short) 1)).toList()).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static synchronized SystemUnderTest shared() {
        if (instance == null) {
            try {
                instance = new SystemUnderTest();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the system under test", e);
            }
        }
        return instance;
    }

    PostgresServer postgres() {
        return postgres;
    }

    String kafkaBootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Another affiliate-service on the same database and settings, not behind the gateway (its payout job is what
     * matters); the caller stops it.
     */
    ServiceProcess startAffiliateReplica() throws IOException {
        return startService("affiliate-service", affiliateDatabase, affiliateSettings);
    }

    private ServiceProcess startService(String service, String database, Map<String, String> settings)
            throws IOException {
        ServiceProcess started = ServiceProcess.start(service, postgres, database, bootstrapServers,
                List.of("-Xmx320m", "-XX:+UseSerialGC"), settings, logs.resolve(service + "-" + database + "-"
                        + services.size() + ".log"));
        services.add(started);
        return started;
    }

    private void startGateway(int gatewayPort, int devicePort, int executionPort, int affiliatePort) throws IOException {
        Path directory = logs.resolve("gateway");
        Files.createDirectories(directory.resolve("temp"));
        Map<String, String> variables = new HashMap<>();
        variables.put("DEVICE_SERVICE_ADDR", "127.0.0.1:" + devicePort);
        variables.put("EXECUTION_SERVICE_ADDR", "127.0.0.1:" + executionPort);
        variables.put("AFFILIATE_SERVICE_ADDR", "127.0.0.1:" + affiliatePort);
        variables.put("GATEWAY_PORT", Integer.toString(gatewayPort));
        variables.put("GATEWAY_RATE_PER_CLIENT", "500r/s");
        variables.put("GATEWAY_BURST", "1000");
        variables.put("GATEWAY_RATE_PER_DEVICE", DEVICE_RATE_PER_SECOND + "r/s");
        variables.put("GATEWAY_DEVICE_BURST", Integer.toString(DEVICE_BURST));
        variables.put("GATEWAY_RATE_PER_USER", "200r/s");
        variables.put("GATEWAY_USER_BURST", "400");
        variables.put("GATEWAY_TRUSTED_PROXIES", "127.0.0.1/32");
        // The web console as the build left it (no dev-sign-in.json here: tests sign in with a pasted token).
        Path console = root.resolve("web-console/target/console");
        if (!Files.isRegularFile(console.resolve("index.html"))) {
            throw new IllegalStateException(console + " is missing: build the web-console module first");
        }
        variables.put("CONSOLE_ROOT", console.toString());
        String serverBlock = Files.readString(root.resolve("gateway/default.conf.template"));
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            serverBlock = serverBlock.replace("${" + variable.getKey() + "}", variable.getValue());
        }
        Files.writeString(directory.resolve("default.conf"), serverBlock);
        Files.writeString(directory.resolve("nginx.conf"), String.join("\n",
                "worker_processes 1;",
                "pid " + directory.resolve("nginx.pid") + ";",
                "error_log " + directory.resolve("error.log") + " warn;",
                // A thousand parked long polls hold two connections each (client and upstream).
                "events { worker_connections 4096; }",
                "http {",
                "  access_log " + directory.resolve("access.log") + ";",
                "  client_body_temp_path " + directory.resolve("temp/body") + ";",
                "  proxy_temp_path " + directory.resolve("temp/proxy") + ";",
                "  fastcgi_temp_path " + directory.resolve("temp/fastcgi") + ";",
                "  uwsgi_temp_path " + directory.resolve("temp/uwsgi") + ";",
                "  scgi_temp_path " + directory.resolve("temp/scgi") + ";",
                "  include " + directory.resolve("default.conf") + ";",
                "}", ""));
        nginx = new ProcessBuilder(nginxExecutable(), "-c", directory.resolve("nginx.conf").toString(),
                "-p", directory.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(directory.resolve("nginx.out").toFile()).start();
    }

    private void awaitOk(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Awaitility.await("ready: " + url).atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx exited; see " + logs.resolve("gateway"));
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }

    private void stop() {
        services.forEach(ServiceProcess::stop);
        if (nginx != null) {
            nginx.destroy();
        }
    }

    private static String nginxExecutable() {
        for (String candidate : new String[] { "/usr/sbin/nginx", "/usr/bin/nginx" }) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("nginx not found: apt-get install nginx-light (.ci/run does)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
