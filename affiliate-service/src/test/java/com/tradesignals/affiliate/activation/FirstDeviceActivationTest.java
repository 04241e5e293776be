package com.tradesignals.affiliate.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.tradesignals.affiliate.Programme;
import com.tradesignals.affiliate.TradingEvents;
import com.tradesignals.contracts.events.devices.DeviceRegistered;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code affiliates.activation=first-device}: the old rule, for programmes that want it, honouring unlinks. */
@QuarkusTest
@TestProfile(FirstDeviceActivationTest.FirstDevice.class)
class FirstDeviceActivationTest {

    @Inject
    Programme programme;

    @Inject
    TradingEvents events;

    @Test
    void aReferralActivatesWithALinkedDeviceAndNotWithAFill() {
        UUID referrer = UUID.randomUUID();
        UUID newcomer = UUID.randomUUID();
        programme.claim(newcomer, programme.register(referrer)).then().statusCode(201).body("status", equalTo("PENDING"));

        FillRecorded fill = events.fill(newcomer, "EURUSD", "0.50", "1.08");
        programme.awaitCommissions(fill.fillId(), 1);
        assertThat(programme.referralStatus(newcomer)).isEqualTo("PENDING");

        events.deviceRegistered(newcomer);
        programme.awaitActivated(newcomer);
        assertThat(programme.count("select activated_referrals from affiliates where user_id = $1", referrer))
                .isEqualTo(1);
    }

    @Test
    void anUnlinkedDeviceActivatesNobody() {
        UUID referrer = UUID.randomUUID();
        String token = programme.register(referrer);
        UUID newcomer = UUID.randomUUID();
        UUID device = events.deviceRegistered(newcomer);
        events.deviceRevoked(newcomer, device);
        await().atMost(Duration.ofSeconds(30)).until(() -> programme.count(
                "select count(*) from user_devices where device_id = $1 and revoked_at is not null", device) == 1);

        programme.claim(newcomer, token).then().statusCode(201).body("status", equalTo("PENDING"));
        // Its registration delivered again, under another event id: the unlinked device still activates nobody.
        String replayed = TestKafka.newEventId();
        events.publish(replayed, new DeviceRegistered(device, newcomer, 1, "MT5", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> programme.count(
                "select count(*) from processed_events where event_id = $1", replayed) == 1);
        assertThat(programme.referralStatus(newcomer)).isEqualTo("PENDING");

        events.deviceRegistered(newcomer);
        programme.awaitActivated(newcomer);
    }

    @Test
    void aUserWithALinkedDeviceIsActivatedWhenTheyClaim() {
        String token = programme.register(UUID.randomUUID());
        UUID newcomer = UUID.randomUUID();
        UUID device = events.deviceRegistered(newcomer);
        await().atMost(Duration.ofSeconds(30)).until(() -> programme.count(
                "select count(*) from user_devices where device_id = $1", device) == 1);

        programme.claim(newcomer, token).then().statusCode(201).body("status", equalTo("ACTIVATED"));
    }

    public static class FirstDevice implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("affiliates.activation", "first-device");
        }
    }
}
