package com.tradesignals.device.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A poll's parameters with their defaults and caps, without a database: the defaults and caps of
 * application.properties (limit 100 by default and at most, wait at most 25 s). An empty cell is a parameter
 * the device left out.
 */
class PollRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final PollConfig CONFIG = new PollConfig() {
        @Override
        public int defaultLimit() {
            return 100;
        }

        @Override
        public int maxLimit() {
            return 100;
        }

        @Override
        public Duration maxWait() {
            return Duration.ofSeconds(25);
        }

        @Override
        public Duration lastPollResolution() {
            return Duration.ofSeconds(30);
        }
    };

    @ParameterizedTest(name = "after={0} limit={1} wait={2}")
    @CsvSource(delimiter = '|', textBlock = """
            # after | limit  | wait | acknowledged up to | limit used | parked seconds | long poll
                    |        |      | 0                  | 100        | 0              | false
            41      | 10     | 0    | 41                 | 10         | 0              | false
            0       | 1      | 1    | 0                  | 1          | 1              | true
            7       | 100    | 25   | 7                  | 100        | 25             | true
            7       | 101    | 26   | 7                  | 100        | 25             | true
                    | 10000  | 3600 | 0                  | 100        | 25             | true
            42      |        | 10   | 42                 | 100        | 10             | true
            """)
    void parametersGetTheirDefaultsAndCaps(Long after, Integer limit, Integer wait, long acknowledgedUpTo,
            int limitUsed, long parkedSeconds, boolean isLong) {
        UUID deviceId = UUID.randomUUID();

        PollRequest poll = PollRequest.of(deviceId, after, limit, wait, CONFIG, NOW);

        assertThat(poll).isEqualTo(new PollRequest(deviceId, acknowledgedUpTo, limitUsed,
                NOW.plusSeconds(parkedSeconds)));
        assertThat(poll.isLong(NOW)).isEqualTo(isLong);
    }
}
