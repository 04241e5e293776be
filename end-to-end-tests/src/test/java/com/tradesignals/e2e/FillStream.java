package com.tradesignals.e2e;

import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A terminal filling trades one after another, as fast as {@code pace} allows, while a test breaks the system
 * around it. Like a real terminal it resends a fill (the same report) until it is answered 2xx, so a fill whose
 * answer was lost is applied once, never dropped and never doubled. Every answer that was not 2xx is kept.
 */
final class FillStream implements AutoCloseable {

    /** An answer that was not 2xx (status -1: no answer at all) and how long it took. */
    record Refusal(String tradeId, int status, String body, String retryAfter, Duration took) {
    }

    private static final Duration RESEND_PAUSE = Duration.ofMillis(250);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private final ReferredTrader chain;
    private final Duration pace;
    /** trade id → the outcome of its 2xx answer. */
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final ExecutorService terminal = Executors.newSingleThreadExecutor();
    private final Future<?> running;
    private volatile boolean isStopping;

    private FillStream(ReferredTrader chain, Duration pace) {
        this.chain = chain;
        this.pace = pace;
        this.running = terminal.submit(this::fillUntilStopped);
    }

    static FillStream start(ReferredTrader chain, Duration pace) {
        return new FillStream(chain, pace);
    }

    /** Waits until {@code more} further fills have been answered 2xx. */
    void awaitAnswered(int more, Duration atMost) {
        int target = answered.size() + more;
        await(more + " more fills answered 2xx").atMost(atMost).until(() -> answered.size() >= target);
    }

    /** Stops sending new trades once the one in flight is answered 2xx; answers trade id → outcome. */
    Map<String, String> stop() throws Exception {
        isStopping = true;
        running.get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        terminal.shutdown();
        return Map.copyOf(answered);
    }

    int answeredCount() {
        return answered.size();
    }

    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    private Void fillUntilStopped() throws InterruptedException {
        for (int trade = 1; !isStopping; trade++) {
            String tradeId = "F-" + trade;
            Instant sent = Instant.now();
            while (true) {
                Instant attempt = Instant.now();
                HttpResponse<String> answer = send(tradeId);
                Duration took = Duration.between(attempt, Instant.now());
                if (answer != null && answer.statusCode() / 100 == 2) {
                    answered.put(tradeId, JsonPath.from(answer.body()).getString("outcome"));
                    break;
                }
                refusals.add(answer == null ? new Refusal(tradeId, -1, "", null, took)
                        : new Refusal(tradeId, answer.statusCode(), answer.body(),
                                answer.headers().firstValue("Retry-After").orElse(null), took));
                if (Duration.between(sent, Instant.now()).compareTo(STOP_TIMEOUT) > 0) {
                    throw new IllegalStateException(tradeId + " not answered 2xx within " + STOP_TIMEOUT);
                }
                Thread.sleep(RESEND_PAUSE.toMillis());
            }
            Thread.sleep(pace.toMillis());
        }
        return null;
    }

    private HttpResponse<String> send(String tradeId) throws InterruptedException {
        try {
            return chain.fill(tradeId);
        } catch (IOException noAnswer) {
            return null;
        }
    }

    @Override
    public void close() {
        isStopping = true;
        terminal.shutdownNow();
    }
}
