package com.tradesignals.device.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.device.registry.DeviceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rotation rule on a device's key versions, without a database. Times are minutes from the rotation;
 * an empty cell is a key without an end (valid until revoked), "-" a version the device does not have.
 */
class KeyRotationGraceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final UUID DEVICE = UUID.fromString("6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            # case                                           | current | older end | grace | new | current end | older end after
            first rotation: v1 keeps working for the grace    | 1       | -         | 1440  | 2   | 1440        | -
            second rotation: v1 still in its grace ends now   | 2       | 300       | 1440  | 3   | 1440        | 0
            second rotation: v1 already ended stays ended     | 2       | -60       | 1440  | 3   | 1440        | -60
            v1 ending exactly now is no longer live           | 2       | 0         | 1440  | 3   | 1440        | 0
            an older key without an end ends now              | 2       |           | 1440  | 3   | 1440        | 0
            no grace: the previous key ends with the rotation | 7       | 5         | 0     | 8   | 0           | 0
            a short grace                                     | 1       | -         | 1     | 2   | 1           | -
            """)
    void rotationKeepsAtMostTwoKeysLive(String description, int currentVersion, String olderEnd, long graceMinutes,
            int expectedNewVersion, long expectedCurrentEnd, String expectedOlderEnd) {
        DeviceKey current = DeviceKey.issue(DEVICE, currentVersion, "current", NOW.minus(Duration.ofDays(1)));
        List<DeviceKey> newestFirst = new ArrayList<>(List.of(current));
        DeviceKey older = null;
        if (!"-".equals(olderEnd)) {
            older = DeviceKey.issue(DEVICE, currentVersion - 1, "older", NOW.minus(Duration.ofDays(2)));
            older.validUntil = minutesFromNow(olderEnd);
            newestFirst.add(older);
        }

        KeyRotation rotation = KeyRotation.apply(newestFirst, NOW, Duration.ofMinutes(graceMinutes));

        assertThat(rotation.newVersion()).isEqualTo(expectedNewVersion);
        assertThat(rotation.previousVersion()).isEqualTo(currentVersion);
        assertThat(rotation.previousValidUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(expectedCurrentEnd)));
        assertThat(current.validUntil).isEqualTo(rotation.previousValidUntil());
        if (older != null) {
            assertThat(older.validUntil).isEqualTo(minutesFromNow(expectedOlderEnd));
            assertThat(older.isLiveAt(NOW)).isFalse();
        }
        long liveAfterRotation = newestFirst.stream().filter(key -> key.isLiveAt(NOW)).count() + 1;
        assertThat(liveAfterRotation).isLessThanOrEqualTo(2);
    }

    private static Instant minutesFromNow(String minutes) {
        return minutes == null ? null : NOW.plus(Duration.ofMinutes(Long.parseLong(minutes)));
    }
}
