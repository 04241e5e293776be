package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.deviceclient.DeviceClient;
import com.tradesignals.testsupport.KafkaBroker;
import com.tradesignals.testsupport.PostgresServer;
import com.tradesignals.testsupport.ProjectRoot;
import com.tradesignals.testsupport.ServiceProcess;
import com.tradesignals.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rollout stops device-service with SIGTERM: its parked long polls are answered, not cut. */
class GracefulShutdownTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path storage;

    @Test
    void aParkedPollIsAnsweredEmptyWhenTheServiceShutsDown() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        ServiceProcess deviceService = ServiceProcess.start("device-service", postgres,
                postgres.createDatabase("devices_drain"), KafkaBroker.shared().bootstrapServers(),
                List.of("-Xmx320m", "-XX:+UseSerialGC"), Map.of(),
                ProjectRoot.path().resolve("end-to-end-tests/target/e2e-logs/device-service-drain.log"));
        DeviceClient terminal = new DeviceClient(URI.create(deviceService.baseUrl()), storage.resolve("device.json"));
        assertThat(terminal.register(TestTokens.user(UUID.randomUUID()), "terminal").statusCode()).isEqualTo(201);
        CompletableFuture<HttpResponse<String>> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return terminal.poll("0", "25", "10");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> parkedPolls(deviceService) == 1);

        CompletableFuture.runAsync(deviceService::stop);

        // Well before the poll's own 25 s.
        HttpResponse<String> answer = poll.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("deliveries")).isEmpty();
    }

    private static double parkedPolls(ServiceProcess service) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines().filter(line -> line.startsWith("device_polls_parked"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
