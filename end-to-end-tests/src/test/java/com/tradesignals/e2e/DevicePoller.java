package com.tradesignals.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.deviceclient.DeviceClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A terminal long-polling for signals while a test breaks the system around it: it acknowledges what it received
 * with its next poll, polls again at once after an answer and a moment after a refusal, and keeps every answer
 * (status -1: none) and every signal id it received, in order.
 */
final class DevicePoller implements AutoCloseable {

    /** One poll's answer: its status (-1: none), content type (null: none) and how long it took. */
    record Answer(int status, String contentType, Duration took) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WAIT_SECONDS = "5";
    private static final Duration PAUSE_AFTER_REFUSAL = Duration.ofMillis(500);

    private final DeviceClient terminal;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
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
        return answers.stream().map(Answer::status).toList();
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Signal ids in the order they were delivered, each time it was delivered. */
    List<String> received() {
        return List.copyOf(received);
    }

    private Void pollUntilStopped() throws Exception {
        long cursor = 0;
        while (!isStopping) {
            HttpResponse<String> answer;
            Instant sent = Instant.now();
            try {
                answer = terminal.poll(Long.toString(cursor), WAIT_SECONDS, "100");
            } catch (IOException noAnswer) {
                answers.add(new Answer(-1, null, Duration.between(sent, Instant.now())));
                Thread.sleep(PAUSE_AFTER_REFUSAL.toMillis());
                continue;
            }
            answers.add(new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null),
                    Duration.between(sent, Instant.now())));
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
