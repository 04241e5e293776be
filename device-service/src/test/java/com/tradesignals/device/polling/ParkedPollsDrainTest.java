package com.tradesignals.device.polling;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.device.polling.ParkedPolls.ParkedPoll;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParkedPollsDrainTest {

    private final ParkedPolls parked = new ParkedPolls(new SimpleMeterRegistry());

    @Test
    void aParkedPollAnswersAtOnceWhenTheApplicationShutsDown() throws Exception {
        ParkedPoll poll = parked.park(UUID.randomUUID(), null);
        CompletableFuture<Boolean> woken = poll.awaitWake(Duration.ofMinutes(10)).subscribeAsCompletionStage();
        assertThat(woken).isNotDone();

        parked.drain(new ShutdownDelayInitiatedEvent());

        // Woken: the poll reads once more and, finding nothing, asks to wait again, which a draining instance refuses.
        assertThat(woken.get(5, TimeUnit.SECONDS)).isTrue();
        poll.rearm();
        assertThat(poll.awaitWake(Duration.ofMinutes(10)).await().atMost(Duration.ofSeconds(5))).isFalse();
    }

    @Test
    void aPollThatArrivesDuringShutdownDoesNotPark() {
        parked.drain(new ShutdownDelayInitiatedEvent());

        ParkedPoll late = parked.park(UUID.randomUUID(), null);

        assertThat(late.awaitWake(Duration.ofMinutes(10)).await().atMost(Duration.ofSeconds(5))).isFalse();
    }
}
