package com.tradesignals.device.polling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.contracts.events.signals.SignalIssued;
import com.tradesignals.device.LinkedDevice;
import com.tradesignals.device.TestClock;
import com.tradesignals.device.UpstreamSignals;
import com.tradesignals.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PollTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    ParkedPolls parked;

    @Inject
    MeterRegistry registry;

    @Test
    void aSignalReachesAParkedLongPollWithoutTheDevicePollingAgain() throws Exception {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        long started = System.nanoTime();
        CompletableFuture<ExtractableResponse<Response>> parkedPoll = CompletableFuture.supplyAsync(
                () -> device.poll("after=0&wait=20").statusCode(200).extract());
        await().atMost(DELIVERY_TIMEOUT).until(() -> parked.isParked(device.deviceId()));

        SignalIssued signal = UpstreamSignals.publish(objectMapper, signalFor(device.userId()));

        ExtractableResponse<Response> answer = parkedPoll.get(15, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(answer.jsonPath().getList("deliveries.signal_id")).containsExactly(signal.signalId().toString());
        assertThat(answer.jsonPath().getLong("deliveries[0].sequence")).isEqualTo(1);
        assertThat(answer.jsonPath().getString("deliveries[0].price")).isEqualTo("1.08350000");
        assertThat(answer.jsonPath().getString("server_time")).isNotNull();
        assertThat(parked.isParked(device.deviceId())).isFalse();
    }

    @Test
    void aNewLongPollSupersedesTheParkedOneOfTheSameDevice() throws Exception {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        double supersededBefore = supersededCount();
        CompletableFuture<ExtractableResponse<Response>> older = CompletableFuture.supplyAsync(
                () -> device.poll("after=0&wait=20").statusCode(200).extract());
        await().atMost(DELIVERY_TIMEOUT).until(() -> parked.announcedCount(device.deviceId()) == 1);

        CompletableFuture<ExtractableResponse<Response>> newer = CompletableFuture.supplyAsync(
                () -> device.poll("after=0&wait=20").statusCode(200).extract());

        ExtractableResponse<Response> olderAnswer = older.get(10, TimeUnit.SECONDS);
        assertThat(olderAnswer.jsonPath().getBoolean("is_superseded")).isTrue();
        assertThat(olderAnswer.jsonPath().getList("deliveries")).isEmpty();
        assertThat(olderAnswer.jsonPath().getLong("acknowledged_sequence")).isZero();
        assertThat(supersededCount()).isEqualTo(supersededBefore + 1);
        await().atMost(DELIVERY_TIMEOUT).until(() -> parked.announcedCount(device.deviceId()) == 1
                && parked.parkedCount(device.deviceId()) == 1);
        assertThat(newer).isNotDone();

        SignalIssued signal = UpstreamSignals.publish(objectMapper, signalFor(device.userId()));

        ExtractableResponse<Response> newerAnswer = newer.get(15, TimeUnit.SECONDS);
        assertThat(newerAnswer.jsonPath().getList("deliveries.signal_id")).containsExactly(signal.signalId().toString());
        assertThat(newerAnswer.jsonPath().getBoolean("is_superseded")).isFalse();
    }

    @Test
    void aLongPollDoesNotSupersedeAnotherDevicesPoll() throws Exception {
        UUID user = UUID.randomUUID();
        LinkedDevice office = LinkedDevice.register(user, "office", clock);
        LinkedDevice home = LinkedDevice.register(user, "home", clock);
        CompletableFuture<ExtractableResponse<Response>> officePoll = CompletableFuture.supplyAsync(
                () -> office.poll("after=0&wait=20").statusCode(200).extract());
        await().atMost(DELIVERY_TIMEOUT).until(() -> parked.announcedCount(office.deviceId()) == 1);
        CompletableFuture<ExtractableResponse<Response>> homePoll = CompletableFuture.supplyAsync(
                () -> home.poll("after=0&wait=20").statusCode(200).extract());
        await().atMost(DELIVERY_TIMEOUT).until(() -> parked.announcedCount(home.deviceId()) == 1);

        SignalIssued signal = UpstreamSignals.publish(objectMapper, signalFor(user));

        for (CompletableFuture<ExtractableResponse<Response>> poll : List.of(officePoll, homePoll)) {
            ExtractableResponse<Response> answer = poll.get(15, TimeUnit.SECONDS);
            assertThat(answer.jsonPath().getBoolean("is_superseded")).isFalse();
            assertThat(answer.jsonPath().getList("deliveries.signal_id")).containsExactly(signal.signalId().toString());
        }
    }

    @Test
    void unacknowledgedDeliveriesAreDeliveredAgainAndAcknowledgedOnesNever() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        SignalIssued first = UpstreamSignals.publish(objectMapper, signalFor(device.userId()));
        SignalIssued second = UpstreamSignals.publish(objectMapper, signalFor(device.userId()));
        SignalIssued third = UpstreamSignals.publish(objectMapper, signalFor(device.userId()));
        List<String> all = List.of(first.signalId().toString(), second.signalId().toString(),
                third.signalId().toString());
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("after=0").statusCode(200)
                .body("deliveries.signal_id", equalTo(all)));

        device.poll("after=0").statusCode(200).body("deliveries.sequence", contains(1, 2, 3));
        device.poll("after=0&limit=2").statusCode(200).body("deliveries.sequence", contains(1, 2));
        device.poll("after=2").statusCode(200)
                .body("deliveries.sequence", contains(3))
                .body("acknowledged_sequence", equalTo(2));
        device.poll("after=0").statusCode(200).body("deliveries.sequence", contains(3));
        device.poll("").statusCode(200).body("deliveries.sequence", contains(3));
        device.poll("after=3").statusCode(200).body("deliveries", empty()).body("acknowledged_sequence", equalTo(3));
        device.poll("after=99").statusCode(200).body("acknowledged_sequence", equalTo(3));

        given().auth().oauth2(device.userToken()).when().get("/api/v1/devices/" + device.deviceId())
                .then().statusCode(200)
                .body("last_ack_sequence", equalTo(3))
                .body("last_ack_at", notNullValue())
                .body("last_poll_at", notNullValue());
    }

    @Test
    void anExpiredSignalIsNeverDelivered() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        Instant now = Instant.now();
        UpstreamSignals.publish(objectMapper, UpstreamSignals.signal(device.userId(), now.minusSeconds(60),
                now.minusSeconds(1)));
        SignalIssued shortLived = UpstreamSignals.publish(objectMapper,
                UpstreamSignals.signal(device.userId(), now, now.plusSeconds(120)));
        SignalIssued marker = UpstreamSignals.publish(objectMapper, signalFor(device.userId()));
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("after=0").statusCode(200)
                .body("deliveries.signal_id", contains(shortLived.signalId().toString(), marker.signalId().toString())));

        try {
            clock.advance(Duration.ofMinutes(3));
            device.poll("after=0").statusCode(200)
                    .body("deliveries.signal_id", contains(marker.signalId().toString()));
        } finally {
            clock.reset();
        }
    }

    @Test
    void aSignalFansOutToEveryActiveDeviceOfItsUserAndToNoOtherUsersDevice() {
        UUID user = UUID.randomUUID();
        LinkedDevice office = LinkedDevice.register(user, "office", clock);
        LinkedDevice home = LinkedDevice.register(user, "home", clock);
        LinkedDevice unlinked = LinkedDevice.register(user, "old laptop", clock);
        LinkedDevice stranger = LinkedDevice.register(UUID.randomUUID(), "someone else", clock);
        given().auth().oauth2(unlinked.userToken()).when().delete("/api/v1/devices/" + unlinked.deviceId())
                .then().statusCode(204);

        SignalIssued signal = UpstreamSignals.publish(objectMapper, signalFor(user));
        SignalIssued strangersSignal = UpstreamSignals.publish(objectMapper, signalFor(stranger.userId()));

        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> stranger.poll("").statusCode(200)
                .body("deliveries.signal_id", contains(strangersSignal.signalId().toString())));
        for (LinkedDevice device : List.of(office, home)) {
            device.poll("").statusCode(200)
                    .body("deliveries.signal_id", contains(signal.signalId().toString()))
                    .body("deliveries.sequence", contains(1));
        }
    }

    @Test
    void theSameSignalUnderAnotherEventIdIsDeliveredOnce() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        SignalIssued signal = signalFor(device.userId());
        UpstreamSignals.publish(objectMapper, signal);
        UpstreamSignals.publish(objectMapper, signal);
        SignalIssued marker = UpstreamSignals.publish(objectMapper, signalFor(device.userId()));

        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> device.poll("").statusCode(200)
                .body("deliveries.signal_id", contains(signal.signalId().toString(), marker.signalId().toString())));
    }

    @Test
    void aSignalForAUserWithoutDevicesGoesToTheFirstDeviceRegisteredBeforeItExpires() {
        UUID user = UUID.randomUUID();
        Instant now = Instant.now();
        SignalIssued waiting = UpstreamSignals.publish(objectMapper, signalFor(user));
        UpstreamSignals.publish(objectMapper,
                UpstreamSignals.signal(user, now, now.plusSeconds(3)));
        LinkedDevice probe = LinkedDevice.register(UUID.randomUUID(), "probe", clock);
        SignalIssued marker = UpstreamSignals.publish(objectMapper, signalFor(probe.userId()));
        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> probe.poll("").statusCode(200)
                .body("deliveries.signal_id", contains(marker.signalId().toString())));

        try {
            clock.advance(Duration.ofSeconds(10));
            LinkedDevice first = LinkedDevice.register(user, "first", clock);
            LinkedDevice second = LinkedDevice.register(user, "second", clock);
            first.poll("").statusCode(200)
                    .body("deliveries.signal_id", contains(waiting.signalId().toString()))
                    .body("deliveries.sequence", contains(1));
            second.poll("").statusCode(200).body("deliveries", empty());
        } finally {
            clock.reset();
        }
    }

    @Test
    void unlinkingADeviceAnswersItsParkedPoll401() throws Exception {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        long started = System.nanoTime();
        CompletableFuture<Integer> parkedPoll = CompletableFuture.supplyAsync(
                () -> device.poll("wait=20").extract().statusCode());
        await().atMost(DELIVERY_TIMEOUT).until(() -> parked.isParked(device.deviceId()));

        given().auth().oauth2(device.userToken()).when().delete("/api/v1/devices/" + device.deviceId())
                .then().statusCode(204);

        assertThat(parkedPoll.get(15, TimeUnit.SECONDS)).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aLongPollWithNothingToDeliverAnswersEmptyWhenItsWaitEnds() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        long started = System.nanoTime();
        device.poll("wait=1").statusCode(200).body("deliveries", empty()).body("acknowledged_sequence", equalTo(0));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(parked.isParked(device.deviceId())).isFalse();
    }

    @Test
    void aPollNeedsADeviceSignatureNotAUserToken() {
        UUID user = UUID.randomUUID();
        LinkedDevice.register(user, "EA", clock);
        given().auth().oauth2(TestTokens.user(user)).when().get(LinkedDevice.POLL)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthenticated"));
        given().when().get(LinkedDevice.POLL).then().statusCode(401);
    }

    @Test
    void invalidPollParametersAreAProblem() {
        LinkedDevice device = LinkedDevice.register(UUID.randomUUID(), "EA", clock);
        device.poll("after=-1").statusCode(400).body("type", equalTo("/problems/validation"));
        device.poll("limit=0").statusCode(400).body("type", equalTo("/problems/validation"));
        device.poll("wait=-5").statusCode(400).body("type", equalTo("/problems/validation"));
    }

    @Test
    void theServerTimeIsPublic() {
        given().when().get("/api/v1/devices/time")
                .then().statusCode(200).body("server_time", notNullValue()).header("X-Server-Time", notNullValue());
    }

    private double supersededCount() {
        return registry.counter("device.polls", "outcome", "superseded").count();
    }

    private static SignalIssued signalFor(UUID user) {
        Instant now = Instant.now();
        return UpstreamSignals.signal(user, now, now.plus(Duration.ofHours(1)));
    }
}
