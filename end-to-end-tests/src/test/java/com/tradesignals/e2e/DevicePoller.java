package com.tradesignals.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.deviceclient.DeviceClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A terminal long-polling for signals while a test breaks the system around it: it acknowledges what it received
 * with its next poll, polls again at once after an answer and a moment after a refusal, and keeps every answer's
 * status (-1: none) and every signal id it received, in order.
 */
final class DevicePoller implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WAIT_SECONDS = "5";
    private static final Duration PAUSE_AFTER_REFUSAL = Duration.ofMillis(500);

    private final DeviceClient terminal;
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<?> running;
    private volatile boolean isStopping;

    private DevicePoller(DeviceClient terminal) {
        this.terminal = terminal;
        this.running = thread.submit(this::pollUntilStopped);
    }

    static DevicePoller start(DeviceClient terminal) {
        return new DevicePoller(terminal);
    }

    List<Integer> statuses() {
        return List.copyOf(statuses);
    }

    /** Signal ids in the order they were delivered, each time it was delivered. */
    List<String> received() {
        return List.copyOf(received);
    }

    private Void pollUntilStopped() throws Exception {
        long cursor = 0;
        while (!isStopping) {
            HttpResponse<String> answer;
            try {
                answer = terminal.poll(Long.toString(cursor), WAIT_SECONDS, "100");
            } catch (IOException noAnswer) {
                statuses.add(-1);
                Thread.sleep(PAUSE_AFTER_REFUSAL.toMillis());
                continue;
            }
            statuses.add(answer.statusCode());
            if (answer.statusCode() != 200) {
                Thread.sleep(PAUSE_AFTER_REFUSAL.toMillis());
                continue;
            }
            JsonNode body = JSON.readTree(answer.body());
            for (JsonNode delivery : body.get("deliveries")) {
                received.add(delivery.get("signal_id").asText());
                cursor = delivery.get("sequence").asLong();
            }
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        isStopping = true;
        try {
            running.get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }
}
