package com.tradesignals.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) for one test JVM, run as a separate
 * process from the jars the kafka-broker module collects from Maven Central. With
 * {@code TEST_KAFKA_BOOTSTRAP_SERVERS} set it uses that cluster instead (and cannot {@link #kill()} it).
 */
public final class KafkaBroker {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static KafkaBroker instance;

    private final String bootstrapServers;
    /** The broker's command line, to start it again on the same port and data directory; null if not ours. */
    private final List<String> command;
    private final Path log;
    private volatile Process process;

    private KafkaBroker(String bootstrapServers, List<String> command, Path log, Process process) {
        this.bootstrapServers = bootstrapServers;
        this.command = command;
        this.log = log;
        this.process = process;
    }

    public static synchronized KafkaBroker shared() {
        if (instance == null) {
            String configured = System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
            instance = configured != null && !configured.isBlank()
                    ? new KafkaBroker(configured, null, null, null)
                    : startBroker();
        }
        return instance;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether this JVM runs the broker, so that {@link #kill()} and {@link #restart()} can work. */
    public boolean isOwnBroker() {
        return command != null;
    }

    /** Kills the broker as a crash would (SIGKILL): no controlled shutdown, nothing flushed. */
    public void kill() {
        requireOwnBroker();
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the Kafka broker did not die within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the broker again on the same port and data directory (it recovers its logs) and waits until ready. */
    public void restart() {
        requireOwnBroker();
        if (process.isAlive()) {
            throw new IllegalStateException("the Kafka broker is still running");
        }
        process = ProcessRunner.start(command, log);
        try {
            awaitReady(bootstrapServers, process, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Kafka broker's log", e);
        }
    }

    private void requireOwnBroker() {
        if (command == null) {
            throw new UnsupportedOperationException("TEST_KAFKA_BOOTSTRAP_SERVERS names a broker this JVM does not run");
        }
    }

    private static KafkaBroker startBroker() {
        Path libs = brokerLibs();
        int port = FreePort.onLoopback();
        int controllerPort = FreePort.onLoopback();
        try {
            Path directory = Files.createTempDirectory("kafka-test-");
            Path config = directory.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + directory.resolve("data"),
                    "num.partitions=1",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true",
                    ""));
            Path log = directory.resolve("kafka.log");
            Files.createFile(log);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = libs.resolve("*").toString();
            // "--cluster-id=<id>": an id may start with "-", which as a separate argument reads as an option.
            ProcessRunner.run(List.of(java, "-cp", classpath, "kafka.tools.StorageTool", "format",
                    "--cluster-id=" + clusterId(), "--config", config.toString()), log, 120);
            List<String> command = List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-cp", classpath, "kafka.Kafka", config.toString());
            String bootstrapServers = "127.0.0.1:" + port;
            KafkaBroker started = new KafkaBroker(bootstrapServers, command, log, ProcessRunner.start(command, log));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // The broker running now, which after a restart() is not the first one.
                Process broker = started.process;
                broker.destroy();
                try {
                    if (!broker.waitFor(20, TimeUnit.SECONDS)) {
                        broker.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    broker.destroyForcibly();
                }
                ProcessRunner.deleteRecursively(directory);
            }));
            awaitReady(bootstrapServers, started.process, log);
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a Kafka broker", e);
        }
    }

    private static void awaitReady(String bootstrapServers, Process broker, Path log) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (Instant.now().isBefore(deadline)) {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited:\n" + Files.readString(log));
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // The broker is still starting; ask again until the deadline.
                }
            }
        }
        throw new IllegalStateException("Kafka broker not ready after " + STARTUP_TIMEOUT + ":\n" + Files.readString(log));
    }

    /** A KRaft cluster id: 16 random bytes, base64url without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** Set by the build (surefire's kafka.broker.libs); else under the project root. */
    private static Path brokerLibs() {
        String configured = System.getProperty("kafka.broker.libs");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        Path libs = ProjectRoot.resolve("kafka-broker/target/libs");
        if (Files.isDirectory(libs)) {
            return libs;
        }
        throw new IllegalStateException("Kafka broker jars not found: build the kafka-broker module first "
                + "(./mvnw -pl kafka-broker package) or set TEST_KAFKA_BOOTSTRAP_SERVERS");
    }
}
